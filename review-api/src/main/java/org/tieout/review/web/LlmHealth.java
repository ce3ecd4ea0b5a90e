package org.tieout.review.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.tieout.review.residue.ResidueConfig;

/**
 * The LLM endpoint in /actuator/health: without a key the stage is off (reported, not a fault);
 * with one, {@code GET /models} must answer 200 within 5 s.
 */
@Component("llm")
public class LlmHealth implements HealthIndicator {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Health health() {
    if (!ResidueConfig.configured()) {
      return Health.unknown()
          .withDetail("llm", "not configured (no TIEOUT_LLM_API_KEY): the LLM stage is skipped")
          .build();
    }
    String url = ResidueConfig.baseUrl().replaceAll("/+$", "") + "/models";
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(5))
                  .header("Authorization", "Bearer " + System.getenv("TIEOUT_LLM_API_KEY"))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200
          ? Health.up().withDetail("endpoint", ResidueConfig.baseUrl()).build()
          : Health.down()
              .withDetail("endpoint", ResidueConfig.baseUrl())
              .withDetail("status", r.statusCode())
              .build();
    } catch (java.io.IOException e) {
      return Health.down(e).withDetail("endpoint", ResidueConfig.baseUrl()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().build();
    }
  }
}
