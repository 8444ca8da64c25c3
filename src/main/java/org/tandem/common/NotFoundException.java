package org.tandem.common;

/** What the request names does not exist, or not for this person: answered as 404. */
public class NotFoundException extends ProductException {

  public NotFoundException(String message) {
    super(message);
  }
}
