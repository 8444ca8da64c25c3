package org.tandem.common;

import org.springframework.http.HttpStatus;

/** A request the product refuses for a reason other than its input: not found, not allowed, not now. */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;

  private ApiProblem(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public static ApiProblem notFound(String message) {
    return new ApiProblem(HttpStatus.NOT_FOUND, message);
  }

  public static ApiProblem forbidden(String message) {
    return new ApiProblem(HttpStatus.FORBIDDEN, message);
  }

  public static ApiProblem conflict(String message) {
    return new ApiProblem(HttpStatus.CONFLICT, message);
  }

  public HttpStatus status() {
    return status;
  }
}
