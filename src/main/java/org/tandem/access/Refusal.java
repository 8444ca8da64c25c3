package org.tandem.access;

/**
 * A request the firewall refuses before the engine sees it: the status, what was wrong in the caller's words, and the
 * field at fault where there is one.
 */
final class Refusal extends RuntimeException {

  private final int status;
  private final String field;

  Refusal(int status, String detail, String field) {
    super(detail, null, false, false);
    this.status = status;
    this.field = field;
  }

  static Refusal forbidden(String detail) {
    return new Refusal(403, detail, null);
  }

  static Refusal badRequest(String field, String detail) {
    return new Refusal(400, detail, field);
  }

  static Refusal conflict(String detail) {
    return new Refusal(409, detail, null);
  }

  int status() {
    return status;
  }

  String field() {
    return field;
  }
}
