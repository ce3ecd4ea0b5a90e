package org.tieout.review.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The review service: REST API, web pages, nightly runs and metrics over the PostgreSQL store.
 * Started by {@code tieout serve}.
 */
@SpringBootApplication(scanBasePackages = {"org.tieout.review.web", "org.tieout.review.service"})
@EnableScheduling
public class ReviewApplication {
  public static void main(String[] args) {
    SpringApplication.run(ReviewApplication.class, args);
  }
}
