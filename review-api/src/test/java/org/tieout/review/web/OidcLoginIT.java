package org.tieout.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With a client registration configured, the service offers OIDC login beside local users. */
@TestPropertySource(
    properties = {
      "spring.security.oauth2.client.registration.corp.client-id=tieout",
      "spring.security.oauth2.client.registration.corp.client-secret=secret",
      "spring.security.oauth2.client.registration.corp.client-name=Corp SSO",
      "spring.security.oauth2.client.registration.corp.scope=openid,profile",
      "spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.provider.corp.authorization-uri=https://idp.example/authorize",
      "spring.security.oauth2.client.provider.corp.token-uri=https://idp.example/token",
      "spring.security.oauth2.client.provider.corp.jwk-set-uri=https://idp.example/jwks",
      "spring.security.oauth2.client.provider.corp.user-name-attribute=sub"
    })
class OidcLoginIT extends ServiceTestSupport {
  @Test
  void theLoginPageOffersTheProviderAndTheFlowStartsThere() throws Exception {
    Reply login = get(null, "/login");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.text()).contains("/oauth2/authorization/corp", "Corp SSO");
    Reply start = get(null, "/oauth2/authorization/corp");
    assertThat(start.status()).isEqualTo(302);
    assertThat(start.headers().firstValue("Location").orElse(""))
        .startsWith("https://idp.example/authorize")
        .contains("client_id=tieout");
    // the API still answers 401 without credentials
    assertThat(get(null, "/api/groups").status()).isEqualTo(401);
  }
}
