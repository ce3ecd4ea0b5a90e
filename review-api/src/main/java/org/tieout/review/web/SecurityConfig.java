package org.tieout.review.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every endpoint and page needs a login. Local users log in with a form (pages) or HTTP Basic
 * (API); OIDC is added when a client registration is configured. Unauthenticated API calls, and
 * anything that is not a browser asking for a page, get 401 as problem details; a browser is sent
 * to the login page. CSRF protects the cookie session; a request that carries its own credentials
 * (Authorization header) needs no CSRF token.
 */
@Configuration
public class SecurityConfig {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy(
        """
        ROLE_ADMIN > ROLE_APPROVER
        ROLE_APPROVER > ROLE_PREPARER
        ROLE_PREPARER > ROLE_VIEWER""");
  }

  @Bean
  SecurityFilterChain security(
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> oidc,
      @Value("${tieout.security.oidc.roles-claim:roles}") String rolesClaim)
      throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/login", "/app.css")
                    .permitAll()
                    .anyRequest()
                    .hasRole("VIEWER"))
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/queue", false))
        .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::unauthorized))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(entryPoint()).accessDeniedHandler(forbidden()))
        .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null))
        .logout(l -> l.logoutSuccessUrl("/login?logout"));
    if (oidc.getIfAvailable() != null) {
      http.oauth2Login(
          o -> o.userInfoEndpoint(u -> u.userAuthoritiesMapper(oidcRoles(rolesClaim))));
    }
    return http.build();
  }

  /** Maps the values of an OIDC claim (default {@code roles}) to Tieout roles. */
  private static GrantedAuthoritiesMapper oidcRoles(String claim) {
    return authorities -> {
      Set<GrantedAuthority> mapped = new HashSet<>(authorities);
      for (GrantedAuthority a : authorities) {
        if (a instanceof OidcUserAuthority oidc
            && oidc.getIdToken().getClaim(claim) instanceof Collection<?> c) {
          for (Object role : c) {
            mapped.add(
                new SimpleGrantedAuthority("ROLE_" + role.toString().toUpperCase(Locale.ROOT)));
          }
        }
      }
      return mapped;
    };
  }

  private static boolean browserPage(HttpServletRequest r) {
    String uri = r.getRequestURI();
    String accept = r.getHeader("Accept");
    return !uri.startsWith("/api")
        && !uri.startsWith("/actuator")
        && !uri.startsWith("/v3/api-docs")
        && accept != null
        && accept.contains("text/html");
  }

  private static AuthenticationEntryPoint entryPoint() {
    return (req, res, ex) -> {
      if (browserPage(req)) {
        res.sendRedirect(req.getContextPath() + "/login");
      } else {
        unauthorized(req, res, ex);
      }
    };
  }

  private static void unauthorized(
      HttpServletRequest req,
      HttpServletResponse res,
      org.springframework.security.core.AuthenticationException ex)
      throws IOException {
    res.setHeader("WWW-Authenticate", "Basic realm=\"tieout\"");
    problem(res, 401, "Unauthorized", "log in first: HTTP Basic, or the login page in a browser");
  }

  private static AccessDeniedHandler forbidden() {
    return (req, res, ex) -> {
      org.springframework.security.core.Authentication auth =
          org.springframework.security.core.context.SecurityContextHolder.getContext()
              .getAuthentication();
      if (auth == null
          || auth
              instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
        // e.g. a POST without credentials fails the CSRF check first: it is still unauthenticated
        entryPoint().commence(req, res, null);
        return;
      }
      problem(res, 403, "Not allowed", ex.getMessage() == null ? "access denied" : ex.getMessage());
    };
  }

  static void problem(HttpServletResponse res, int status, String title, String detail)
      throws IOException {
    res.setStatus(status);
    res.setContentType("application/problem+json");
    res.getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
  }
}
