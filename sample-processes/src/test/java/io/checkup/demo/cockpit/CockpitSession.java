package io.checkup.demo.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with Cockpit, over plain HTTP: cookies kept, logged in through Cockpit's own
 * login resource with its CSRF token, as Cockpit's page does.
 */
public final class CockpitSession {

  public static final String PLUGIN = "/camunda/api/cockpit/plugin/checkup/";

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  CockpitSession(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** A session logged in as this user (password "secret", or "admin" for admin). */
  public static CockpitSession as(int port, String user) throws Exception {
    CockpitSession session = new CockpitSession(port);
    session.get("/camunda/app/cockpit/default/");
    HttpResponse<String> login =
        session.send(
            HttpRequest.newBuilder(
                    URI.create(session.base + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", session.csrfToken())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password="
                            + (user.equals("admin") ? "admin" : "secret"))));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the session changed at login: a first request fetches its token
    session.get(PLUGIN + "static/app/plugin.js");
    return session;
  }

  /** The CSRF token Cockpit's filter gave this session (its XSRF-TOKEN cookie). */
  String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElse("");
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  /** A modifying request, with or without the session's CSRF token. */
  HttpResponse<String> post(String path, boolean withToken)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (withToken) {
      request.header("X-XSRF-TOKEN", csrfToken());
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
