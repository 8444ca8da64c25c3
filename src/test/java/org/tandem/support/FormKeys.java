package org.tandem.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The variables a Camunda Form submits: the keys of its fields, with groups flattened and each dynamic list
 * submitted under its path.
 */
public final class FormKeys {

  private FormKeys() {
  }

  public static Set<String> of(InputStream form) {
    try (InputStream in = form) {
      Set<String> keys = new LinkedHashSet<>();
      collect(new ObjectMapper().readTree(in).path("components"), keys);
      return keys;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (type.equals("dynamiclist")) {
        keys.add(component.path("path").asText());
      } else if (type.equals("group")) {
        collect(component.path("components"), keys);
      } else if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
    }
  }
}
