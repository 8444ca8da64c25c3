package org.tandem.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tandem.common.InvalidInputException;

/**
 * The fields of one Camunda Form as it submits them (form-js 1.8, as Tasklist 7.24 renders it), and the check of a
 * submission against them: only the form's fields, each with the type its component submits, a choice among the
 * values it offers, within the length it declares. Groups without a path add their fields to the form's; a dynamic
 * list submits one list under its path, each item holding its own fields.
 */
final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Variable types a REST client may name for a list or an object of a form, with Jackson's collection types. */
  private static final Set<String> COLLECTION_TYPES = Set.of("java.util.ArrayList", "java.util.LinkedList",
      "java.util.List", "java.util.LinkedHashMap", "java.util.HashMap", "java.util.Map");

  /** What a component submits. */
  enum Kind {
    TEXT, BOOLEAN, NUMBER, CHOICE, MANY_CHOICES, LIST, OBJECT, ANY
  }

  /**
   * One field.
   *
   * @param key the variable it submits
   * @param kind what it submits
   * @param options the values a choice offers; empty when it offers those of {@code valuesKey}
   * @param valuesKey the variable whose values a choice offers, or null
   * @param maxLength the longest text it takes, or null
   * @param numericText a text field for a number (it declares a minimum or a maximum): a number is taken too
   * @param items the fields of each item of a list, or of an object
   */
  record Field(String key, Kind kind, Set<String> options, String valuesKey, Integer maxLength, boolean numericText,
      Map<String, Field> items) {
  }

  private final String name;
  private final Map<String, Field> fields;

  private FormSchema(String name, Map<String, Field> fields) {
    this.name = name;
    this.fields = fields;
  }

  /** A form that submits nothing: a start without a start form. */
  static FormSchema none(String name) {
    return new FormSchema(name, Map.of());
  }

  static FormSchema parse(String name, byte[] form) {
    try {
      JsonNode root = JSON.readTree(form);
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(root.path("components"), fields);
      return new FormSchema(name, Collections.unmodifiableMap(fields));
    } catch (IOException e) {
      throw new IllegalStateException("The form " + name + " is not valid JSON", e);
    }
  }

  String name() {
    return name;
  }

  Map<String, Field> fields() {
    return fields;
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String path = text(component, "path");
      switch (type) {
        case "group" -> {
          if (path == null) {
            collect(component.path("components"), fields);
          } else {
            fields.put(path, new Field(path, Kind.OBJECT, Set.of(), null, null, false, children(component)));
          }
        }
        case "dynamiclist" -> {
          if (path != null) {
            fields.put(path, new Field(path, Kind.LIST, Set.of(), null, null, false, children(component)));
          }
        }
        default -> {
          Field field = field(component, type);
          if (field != null) {
            fields.put(field.key(), field);
          }
        }
      }
    }
  }

  private static Map<String, Field> children(JsonNode component) {
    Map<String, Field> children = new LinkedHashMap<>();
    collect(component.path("components"), children);
    return Collections.unmodifiableMap(children);
  }

  private static Field field(JsonNode component, String type) {
    String key = text(component, "key");
    if (key == null) {
      return null;
    }
    JsonNode validate = component.path("validate");
    Integer maxLength = validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null;
    Set<String> options = new LinkedHashSet<>();
    component.path("values").forEach(option -> options.add(option.path("value").asText()));
    String valuesKey = text(component, "valuesKey");
    return switch (type) {
      case "textfield", "textarea" -> new Field(key, Kind.TEXT, Set.of(), null, maxLength,
          validate.has("min") || validate.has("max"), Map.of());
      case "datetime" -> new Field(key, Kind.TEXT, Set.of(), null, 64, false, Map.of());
      case "checkbox" -> new Field(key, Kind.BOOLEAN, Set.of(), null, null, false, Map.of());
      case "number" -> component.path("serializeToString").asBoolean(false)
          ? new Field(key, Kind.TEXT, Set.of(), null, 64, true, Map.of())
          : new Field(key, Kind.NUMBER, Set.of(), null, null, false, Map.of());
      case "radio", "select" -> new Field(key, Kind.CHOICE, Set.copyOf(options), valuesKey, null, false, Map.of());
      case "checklist", "taglist" -> new Field(key, Kind.MANY_CHOICES, Set.copyOf(options), valuesKey, null, false,
          Map.of());
      // an expression field computes its value in the browser; a button, text, image or table submits nothing
      case "expression" -> new Field(key, Kind.ANY, Set.of(), null, null, false, Map.of());
      default -> null;
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  /**
   * Checks a submission in engine REST's shape (each variable an object of {@code value}, {@code type},
   * {@code valueInfo}); the first violation is thrown, naming the field.
   *
   * @param offered the values a choice with a {@code valuesKey} offers, looked up when needed
   */
  void check(JsonNode variables, Function<String, Set<String>> offered) {
    if (variables == null || variables.isNull()) {
      return;
    }
    if (!variables.isObject()) {
      throw new InvalidInputException("variables", "The variables must be an object of fields and values.");
    }
    for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) variables::fields) {
      String key = entry.getKey();
      Field field = fields.get(key);
      if (field == null) {
        throw new InvalidInputException(key, "The form " + name + " has no field '" + key
            + "'; only its fields can be submitted.");
      }
      checkVariable(field, entry.getValue(), offered);
    }
  }

  private void checkVariable(Field field, JsonNode variable, Function<String, Set<String>> offered) {
    if (variable == null || !variable.isObject()) {
      throw new InvalidInputException(field.key(), "The field '" + field.key()
          + "' must be given as an object with a value.");
    }
    String type = variable.hasNonNull("type") ? variable.get("type").asText().toLowerCase(Locale.ROOT) : null;
    JsonNode value = variable.get("value");
    if (value == null || value.isNull() || "null".equals(type)) {
      if (type != null && !"null".equals(type) && value != null && !value.isNull()) {
        throw wrongType(field, "nothing");
      }
      return;
    }
    switch (field.kind()) {
      case LIST, OBJECT, MANY_CHOICES -> checkStructured(field, type, variable, value, offered);
      default -> {
        if (type != null && !scalarType(type)) {
          throw wrongType(field, describe(type));
        }
        checkScalar(field, type, value, offered, field.key());
      }
    }
  }

  private static boolean scalarType(String type) {
    return Set.of("string", "boolean", "integer", "long", "short", "double").contains(type);
  }

  private void checkScalar(Field field, String type, JsonNode value, Function<String, Set<String>> offered,
      String where) {
    switch (field.kind()) {
      case TEXT -> {
        boolean number = value.isNumber() && field.numericText()
            && (type == null || Set.of("integer", "long", "short", "double").contains(type));
        if (!(value.isTextual() && (type == null || type.equals("string"))) && !number) {
          throw wrongType(field, describe(value), where);
        }
        if (field.maxLength() != null && value.asText().length() > field.maxLength()) {
          throw new InvalidInputException(where, "The field '" + where + "' is too long: at most "
              + field.maxLength() + " characters.");
        }
      }
      case BOOLEAN -> {
        if (!value.isBoolean() || (type != null && !type.equals("boolean"))) {
          throw wrongType(field, describe(value), where);
        }
      }
      case NUMBER -> {
        if (!value.isNumber() || (type != null && type.equals("string")) || (type != null && type.equals("boolean"))) {
          throw wrongType(field, describe(value), where);
        }
      }
      case CHOICE -> {
        if (!value.isValueNode()) {
          throw wrongType(field, describe(value), where);
        }
        requireOffered(field, value.asText(), offered, where);
      }
      case ANY -> {
        if (!value.isValueNode()) {
          throw wrongType(field, describe(value), where);
        }
      }
      default -> throw wrongType(field, describe(value), where);
    }
  }

  private void checkStructured(Field field, String type, JsonNode variable, JsonNode value,
      Function<String, Set<String>> offered) {
    boolean json = "json".equals(type);
    boolean jsonObject = "object".equals(type)
        && "application/json".equals(variable.path("valueInfo").path("serializationDataFormat").asText())
        && COLLECTION_TYPES.contains(variable.path("valueInfo").path("objectTypeName").asText());
    if (!(json || jsonObject) || !value.isTextual()) {
      throw wrongType(field, type == null ? describe(value) : describe(type));
    }
    JsonNode content;
    try {
      content = JSON.readTree(value.asText());
    } catch (IOException e) {
      throw new InvalidInputException(field.key(), "The field '" + field.key() + "' is not valid JSON.");
    }
    switch (field.kind()) {
      case MANY_CHOICES -> {
        if (!content.isArray()) {
          throw wrongType(field, describe(content));
        }
        for (JsonNode choice : content) {
          if (!choice.isValueNode()) {
            throw wrongType(field, "a list of " + describe(choice));
          }
          requireOffered(field, choice.asText(), offered, field.key());
        }
      }
      case LIST -> {
        if (!content.isArray()) {
          throw wrongType(field, describe(content));
        }
        for (JsonNode item : content) {
          checkItem(field, item, offered);
        }
      }
      default -> checkItem(field, content, offered);
    }
  }

  private void checkItem(Field field, JsonNode item, Function<String, Set<String>> offered) {
    if (!item.isObject()) {
      throw wrongType(field, "a list of " + describe(item));
    }
    for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) item::fields) {
      Field child = field.items().get(entry.getKey());
      String where = field.key() + "." + entry.getKey();
      if (child == null) {
        throw new InvalidInputException(where, "The list '" + field.key() + "' of the form " + name
            + " has no field '" + entry.getKey() + "' in its items.");
      }
      if (entry.getValue().isNull()) {
        continue;
      }
      if (child.kind() == Kind.MANY_CHOICES) {
        if (!entry.getValue().isArray()) {
          throw wrongType(child, describe(entry.getValue()), where);
        }
        for (JsonNode choice : entry.getValue()) {
          requireOffered(child, choice.asText(), offered, where);
        }
      } else if (child.kind() == Kind.LIST || child.kind() == Kind.OBJECT) {
        throw new InvalidInputException(where, "The field '" + where + "' cannot hold a list within a list.");
      } else {
        checkScalar(child, null, entry.getValue(), offered, where);
      }
    }
  }

  private void requireOffered(Field field, String value, Function<String, Set<String>> offered, String where) {
    Set<String> choices = field.valuesKey() == null ? field.options() : offered.apply(field.valuesKey());
    if (!choices.contains(value)) {
      List<String> sorted = new ArrayList<>(choices);
      Collections.sort(sorted);
      throw new InvalidInputException(where, "The field '" + where + "' offers " + (sorted.isEmpty() ? "no choice"
          : String.join(", ", sorted)) + "; '" + value + "' is not one of them.");
    }
  }

  private InvalidInputException wrongType(Field field, String given) {
    return wrongType(field, given, field.key());
  }

  private InvalidInputException wrongType(Field field, String given, String where) {
    String expected = switch (field.kind()) {
      case TEXT -> field.numericText() ? "text or a number" : "text";
      case BOOLEAN -> "true or false";
      case NUMBER -> "a number";
      case CHOICE -> "one of its choices";
      case MANY_CHOICES -> "a list of its choices (JSON)";
      case LIST -> "a list (JSON)";
      case OBJECT -> "an object (JSON)";
      case ANY -> "a single value";
    };
    return new InvalidInputException(where, "The field '" + where + "' takes " + expected + ", not " + given + ".");
  }

  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "text";
    }
    if (value.isBoolean()) {
      return "true or false";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "an object";
    }
    return "nothing";
  }

  private static String describe(String type) {
    return switch (type) {
      case "object" -> "a serialized object";
      case "bytes", "file" -> "a file";
      case "date" -> "a date variable";
      case "json", "xml" -> type.toUpperCase(Locale.ROOT);
      default -> "a value of type " + type;
    };
  }
}
