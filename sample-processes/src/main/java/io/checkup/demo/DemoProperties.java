package io.checkup.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Switches of the demo application (not of the plugin), under {@code checkup.demo.}. */
@ConfigurationProperties(prefix = "checkup.demo")
public class DemoProperties {

  /** Deploy the sample models on start. */
  private boolean deploySamples = true;

  /** Run the built-in traffic simulator; tests switch it off to drive their own traffic. */
  private boolean simulate = true;

  /** HTTP basic authentication for /engine-rest, with the administrator admin/admin. */
  private boolean auth = false;

  public boolean isDeploySamples() {
    return deploySamples;
  }

  public void setDeploySamples(boolean deploySamples) {
    this.deploySamples = deploySamples;
  }

  public boolean isSimulate() {
    return simulate;
  }

  public void setSimulate(boolean simulate) {
    this.simulate = simulate;
  }

  public boolean isAuth() {
    return auth;
  }

  public void setAuth(boolean auth) {
    this.auth = auth;
  }
}
