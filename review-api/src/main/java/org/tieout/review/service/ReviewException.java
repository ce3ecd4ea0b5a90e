package org.tieout.review.service;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused request, answered as RFC 9457 problem details with a type, a title and a detail. */
public final class ReviewException extends ErrorResponseException {
  private ReviewException(HttpStatus status, String type, String title, String detail) {
    super(status, problem(status, type, title, detail), null);
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("https://tieout.org/problems/" + type));
    p.setTitle(title);
    return p;
  }

  public static ReviewException notFound(String what) {
    return new ReviewException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " not found");
  }

  public static ReviewException forbidden(String detail) {
    return new ReviewException(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
  }

  public static ReviewException conflict(String detail) {
    return new ReviewException(HttpStatus.CONFLICT, "conflict", "Conflicting decision", detail);
  }

  public static ReviewException invalid(String detail) {
    return new ReviewException(
        HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "Request cannot be carried out", detail);
  }

  public static ReviewException badRequest(String detail) {
    return new ReviewException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
  }
}
