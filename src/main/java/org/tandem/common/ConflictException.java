package org.tandem.common;

/** The request cannot be carried out in the state things are in now: answered as 409, saying what that state is. */
public class ConflictException extends ProductException {

  public ConflictException(String message) {
    super(message);
  }
}
