package org.tandem.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.util.UriUtils;

/**
 * A request's path as the engine REST resources read it, whichever door it came through: {@code /engine-rest/...}
 * (the default engine), {@code /engine-rest/engine/{name}/...}, or the webapps' {@code /camunda/api/engine/engine/{name}/...}
 * that Tasklist and Cockpit call. Each segment is decoded once, and a path that could be read two ways (an encoded
 * slash, a dot segment, a parameter inside a segment) is refused rather than guessed at.
 *
 * @param webapp whether it came through the webapps (whose logins live in the session)
 * @param engine the process engine's name
 * @param segments the resource path below the engine, e.g. {@code [task, 42, complete]}
 */
record EngineRestPath(boolean webapp, String engine, List<String> segments) {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_ENGINE = "/camunda/api/engine";

  /** The engine REST path of a request URI (without the context path), or empty for any other path. */
  static Optional<EngineRestPath> of(String uri) {
    boolean webapp;
    String rest;
    if (uri.equals(ENGINE_REST) || uri.startsWith(ENGINE_REST + "/")) {
      webapp = false;
      rest = uri.substring(ENGINE_REST.length());
    } else if (uri.equals(WEBAPP_ENGINE) || uri.startsWith(WEBAPP_ENGINE + "/")) {
      webapp = true;
      rest = uri.substring(WEBAPP_ENGINE.length());
    } else {
      return Optional.empty();
    }
    List<String> segments = segments(rest);
    if (webapp) {
      if (segments.size() < 2 || !segments.get(0).equals("engine")) {
        return Optional.of(new EngineRestPath(true, null, List.of()));
      }
      return Optional.of(new EngineRestPath(true, segments.get(1), List.copyOf(segments.subList(2, segments.size()))));
    }
    if (segments.size() >= 2 && segments.get(0).equals("engine")) {
      return Optional.of(new EngineRestPath(false, segments.get(1),
          List.copyOf(segments.subList(2, segments.size()))));
    }
    return Optional.of(new EngineRestPath(false, "default", List.copyOf(segments)));
  }

  private static List<String> segments(String rest) {
    List<String> segments = new ArrayList<>();
    String[] raw = rest.split("/", -1);
    for (int i = 0; i < raw.length; i++) {
      String segment = raw[i];
      if (segment.isEmpty()) {
        if (i == 0 || i == raw.length - 1) {
          continue;
        }
        throw Refusal.badRequest(null, "The path has an empty segment.");
      }
      if (segment.indexOf(';') >= 0) {
        throw Refusal.badRequest(null, "The path has a parameter inside a segment.");
      }
      String decoded;
      try {
        decoded = UriUtils.decode(segment, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw Refusal.badRequest(null, "The path is not validly encoded.");
      }
      if (decoded.equals(".") || decoded.equals("..") || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0
          || decoded.chars().anyMatch(Character::isISOControl)) {
        throw Refusal.badRequest(null, "The path has a segment that could be read two ways.");
      }
      segments.add(decoded);
    }
    return segments;
  }

  /**
   * Whether the path is the given route: its segments, with {@code *} for any one segment (an id, a key, a name).
   */
  boolean is(String route) {
    String[] parts = route.split("/");
    if (parts.length != segments.size()) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].equals("*") && !parts[i].equals(segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The segment at a position, e.g. the task id of {@code task/{id}/complete}. */
  String at(int index) {
    return segments.get(index);
  }

  @Override
  public String toString() {
    return "/" + String.join("/", segments);
  }
}
