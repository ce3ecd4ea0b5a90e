package org.tieout.review.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad values that reach the services (an unknown role, say) are the client's error: 400. */
@RestControllerAdvice
public class Problems {
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badValue(IllegalArgumentException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("Bad request");
    return p;
  }
}
