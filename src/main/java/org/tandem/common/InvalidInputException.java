package org.tandem.common;

/**
 * Input a person gave that the product refuses, naming the field and the reason in words they can act on.
 * Thrown before anything is written, so a refused submission changes nothing.
 */
public class InvalidInputException extends ProductException {

  private final String field;

  public InvalidInputException(String field, String reason) {
    super(reason);
    this.field = field;
  }

  /** The form field or API property at fault, as the user submitted it. */
  public String field() {
    return field;
  }
}
