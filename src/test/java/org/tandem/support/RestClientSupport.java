package org.tandem.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Calls engine REST and the product's API as a given user, with HTTP Basic, as an integrating system would. */
public final class RestClientSupport {

  /** A status, a body and the headers. */
  public record Answer(int status, String body, Map<String, List<String>> headers) {

    public Answer(int status, String body) {
      this(status, body, Map.of());
    }

    /** The first value of a header, whatever its case, or null. */
    public String header(String name) {
      return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream()).findFirst().orElse(null);
    }
  }

  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  public RestClientSupport(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Answer get(String path, String userId, String password) {
    return send(request(path, userId, password).GET().build());
  }

  public Answer post(String path, String json, String userId, String password) {
    return send(request(path, userId, password)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public Answer put(String path, String json, String userId, String password) {
    return send(request(path, userId, password)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public Answer delete(String path, String userId, String password) {
    return send(request(path, userId, password).DELETE().build());
  }

  /**
   * Any request, as an attacker would write it: the method, the path exactly as given, a body of any content type
   * (none when {@code body} is null) and extra headers.
   */
  public Answer send(String method, String path, String contentType, byte[] body, String userId, String password,
      Map<String, String> headers) {
    HttpRequest.Builder builder = request(path, userId, password);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    headers.forEach(builder::header);
    builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    return send(builder.build());
  }

  private HttpRequest.Builder request(String path, String userId, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (userId != null) {
      String basic = Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + basic);
    }
    return builder;
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
