package io.checkup.demo;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers the APIs with 503 while the demo sets up its client companies. The web server listens
 * before the set-up is done, and the set-up runs the engine on a back-dated clock (deployments
 * stamped months ago, the made-up weeks of history): a request served meanwhile would read a report
 * without its data, or have its own work stamped in the past. Once the set-up is done every request
 * passes.
 */
final class WhileSettingUp implements Filter {

  static final String MESSAGE =
      "The demo is still setting up its client companies and their made-up history; try again in"
          + " a few seconds.";

  private volatile boolean done;

  /** From now on every request passes. */
  void done() {
    done = true;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (done) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletResponse http = (HttpServletResponse) response;
    http.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    http.setHeader("Retry-After", "5");
    http.setContentType("application/json");
    http.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // the shape of the engine's REST errors
    http.getWriter().write("{\"type\":\"ServiceUnavailable\",\"message\":\"" + MESSAGE + "\"}");
  }
}
