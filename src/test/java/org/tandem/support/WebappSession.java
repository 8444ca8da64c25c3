package org.tandem.support;

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
 * A browser-like session with the Camunda webapps: their session cookie and CSRF token, and the login each
 * webapp (cockpit, tasklist, admin) performs.
 */
public final class WebappSession {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  public WebappSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** GET a path of the application; answers the HTTP status. */
  public int get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build()).statusCode();
  }

  /** GET a path and answer the body, failing unless the status is 200. */
  public String getBody(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /**
   * Logs in to a webapp as its login page does; answers the HTTP status: 200 logged in, 401 wrong credentials,
   * 403 no access to that webapp.
   */
  public int login(String app, String userId, String password) {
    get("/camunda/app/" + app + "/default/");
    String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken())
        .header("Origin", baseUrl)
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    return send(request).statusCode();
  }

  /**
   * A request of the logged-in webapp's scripts: the session cookie, and the CSRF token unless {@code withCsrfToken}
   * is false; answers the status and the body.
   */
  public RestClientSupport.Answer send(String method, String path, String json, boolean withCsrfToken) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "application/json");
    if (withCsrfToken) {
      builder.header("X-XSRF-TOKEN", csrfToken());
    }
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response = send(builder.build());
    return new RestClientSupport.Answer(response.statusCode(), response.body(), response.headers().map());
  }

  /** The value of the session cookie the webapps gave this browser, or null before they gave one. */
  public String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue)
        .findFirst().orElse(null);
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("The webapp set no XSRF-TOKEN cookie"));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
