package org.tandem.common;

/**
 * Something the person may not do, in words they can act on: a rule of the product, not a missing login. The API and
 * engine REST answer it as 403 with this message.
 */
public class NotPermittedException extends ProductException {

  public NotPermittedException(String message) {
    super(message);
  }
}
