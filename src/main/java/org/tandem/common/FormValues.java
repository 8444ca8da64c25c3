package org.tandem.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads values as Camunda Forms submit them (strings for text and dates, Integer, Long or Double for numbers, Json
 * for lists) from a variable scope or a map, and says in the user's words what is wrong with one.
 * Every method names the form field it reads.
 */
public final class FormValues {

  private final Function<String, Object> source;

  private FormValues(Function<String, Object> source) {
    this.source = source;
  }

  public static FormValues of(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return new FormValues(scope::getVariable);
  }

  public static FormValues of(Map<String, ?> values) {
    return new FormValues(values::get);
  }

  public Object raw(String field) {
    Object value = source.apply(field);
    return value instanceof TypedValue typed ? typed.getValue() : value;
  }

  public boolean present(String field) {
    Object value = raw(field);
    return value != null && !(value instanceof String text && text.isBlank());
  }

  public String text(String field) {
    Object value = raw(field);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  public String requiredText(String field, String label, int maxLength) {
    String text = required(field, text(field), label + " is required.");
    if (text.length() > maxLength) {
      throw new InvalidInputException(field, label + " is too long: at most " + maxLength + " characters.");
    }
    return text;
  }

  public String optionalText(String field, String label, int maxLength) {
    String text = text(field);
    if (text != null && text.length() > maxLength) {
      throw new InvalidInputException(field, label + " is too long: at most " + maxLength + " characters.");
    }
    return text;
  }

  public boolean flag(String field) {
    Object value = raw(field);
    return value instanceof Boolean bool ? bool : value != null && Boolean.parseBoolean(value.toString());
  }

  public Integer optionalInteger(String field, String label) {
    Object value = raw(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      BigDecimal number = new BigDecimal(value.toString().trim());
      if (number.stripTrailingZeros().scale() > 0) {
        throw new InvalidInputException(field, label + " must be a whole number.");
      }
      return number.intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidInputException(field, label + " must be a whole number, not '" + value + "'.");
    }
  }

  public int requiredInteger(String field, String label, int min, int max) {
    int number = required(field, optionalInteger(field, label), label + " is required.");
    if (number < min || number > max) {
      throw new InvalidInputException(field, label + " must be between " + min + " and " + max + ", not " + number + ".");
    }
    return number;
  }

  public LocalDate optionalDate(String field, String label) {
    return parsed(field, text -> LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text),
        text -> label + " must be a date (YYYY-MM-DD), not '" + text + "'.");
  }

  public LocalDate requiredDate(String field, String label) {
    return required(field, optionalDate(field, label), label + " is required.");
  }

  /** A time of day as the form's time picker submits it: "13:30", "13:30+01:00" or "12:30Z". */
  public LocalTime optionalTime(String field, String label) {
    return parsed(field, text -> LocalTime.parse(text.replaceFirst("(Z|[+-]\\d{2}:\\d{2})$", "")),
        text -> label + " must be a time (HH:MM), not '" + text + "'.");
  }

  public LocalTime requiredTime(String field, String label) {
    return required(field, optionalTime(field, label), label + " is required.");
  }

  /** One of the given choices, as a form's radio or select submits its value. */
  public <E extends Enum<E>> E requiredChoice(String field, String label, Class<E> choices) {
    return required(field, optionalChoice(field, label, choices), "Choose " + label + ".");
  }

  public <E extends Enum<E>> E optionalChoice(String field, String label, Class<E> choices) {
    return parsed(field,
        text -> Enum.valueOf(choices, text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')),
        text -> "'" + text + "' is not a valid choice for " + label + ".");
  }

  /** The field's text read by the parser, or null when it is empty; text it cannot read is refused in these words. */
  private <T> T parsed(String field, Function<String, T> parser, Function<String, String> refusal) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new InvalidInputException(field, refusal.apply(text));
    }
  }

  /** The value an optional reader found, or the refusal that the field is required. */
  private static <T> T required(String field, T value, String refusal) {
    if (value == null) {
      throw new InvalidInputException(field, refusal);
    }
    return value;
  }

  /** A list of plain values as a checklist or taglist submits it (Json), or a comma-separated text. */
  public List<String> strings(String field) {
    Object value = raw(field);
    List<String> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (value instanceof java.util.Collection<?> collection) {
      collection.forEach(item -> items.add(item.toString()));
      return items;
    }
    String text = value.toString().trim();
    if (value instanceof SpinJsonNode || text.startsWith("[")) {
      SpinJsonNode json = value instanceof SpinJsonNode node ? node : org.camunda.spin.Spin.JSON(text);
      for (SpinJsonNode element : json.elements()) {
        items.add(element.isString() ? element.stringValue() : element.toString());
      }
      return items;
    }
    for (String part : text.split("\\s*,\\s*")) {
      if (!part.isBlank()) {
        items.add(part);
      }
    }
    return items;
  }

  /** A list of objects as a dynamic list submits it (Json), each item as a map of its fields. */
  public List<Map<String, Object>> list(String field) {
    Object value = raw(field);
    List<Map<String, Object>> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    SpinJsonNode json = value instanceof SpinJsonNode node ? node : org.camunda.spin.Spin.JSON(value.toString());
    if (!json.isArray()) {
      throw new InvalidInputException(field, "Expected a list.");
    }
    for (SpinJsonNode element : json.elements()) {
      items.add(element.mapTo(Map.class));
    }
    return items;
  }
}
