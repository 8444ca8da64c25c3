package org.tandem.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The product's API answers errors as RFC 7807 problem details; input errors name the field and the reason. */
@RestControllerAdvice(basePackages = "org.tandem")
class ApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid input");
    problem.setProperty("field", e.field());
    return problem;
  }

  @ExceptionHandler(NotPermittedException.class)
  ProblemDetail notPermitted(NotPermittedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  /** The engine refused for want of a Camunda authorization. */
  @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
  ProblemDetail notAuthorized(org.camunda.bpm.engine.AuthorizationException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You are not allowed to do this.");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request body is not valid JSON of the expected shape.");
    problem.setTitle("Invalid input");
    return problem;
  }
}
