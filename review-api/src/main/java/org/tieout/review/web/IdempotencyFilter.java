package org.tieout.review.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST, PUT and PATCH: the first request with a key is carried out and
 * its response stored; the same key again (same user, same request) replays that response; the same
 * key with a different request is refused with 422; a key whose first request is still running gets
 * 409. A 5xx answer is not stored, so the client may retry with the same key. Runs after
 * authentication: keys are per user.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {
  static final String HEADER = "Idempotency-Key";
  private final JdbcClient jdbc;

  public IdempotencyFilter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String m = request.getMethod();
    return request.getHeader(HEADER) == null
        || !(m.equals("POST") || m.equals("PUT") || m.equals("PATCH"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || key.isBlank() || key.length() > 255) {
      SecurityConfig.problem(
          response, 400, "Bad request", "Idempotency-Key must be 1 to 255 characters");
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    String hash = hash(request, body);
    String actor = auth.getName();
    int inserted =
        jdbc.sql(
                "insert into idempotent_request (actor, key, request_hash) values (?, ?, ?) on conflict do nothing")
            .params(actor, key, hash)
            .update();
    if (inserted == 0) {
      replay(actor, key, hash, response);
      return;
    }
    ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(new CachedBody(request, body), wrapped);
    } catch (IOException | ServletException | RuntimeException e) {
      forget(actor, key);
      throw e;
    }
    if (wrapped.getStatus() >= 500) {
      forget(actor, key);
    } else {
      jdbc.sql(
              "update idempotent_request set status = ?, content_type = ?, body = ? where actor = ? and key = ?")
          .params(
              wrapped.getStatus(),
              wrapped.getContentType(),
              wrapped.getContentAsByteArray(),
              actor,
              key)
          .update();
    }
    wrapped.copyBodyToResponse();
  }

  private void replay(String actor, String key, String hash, HttpServletResponse response)
      throws IOException {
    List<Object[]> rows =
        jdbc.sql(
                "select request_hash, status, content_type, body from idempotent_request where actor = ? and key = ?")
            .params(actor, key)
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getString(1), rs.getObject(2), rs.getString(3), rs.getBytes(4)
                    })
            .list();
    if (rows.isEmpty()) {
      SecurityConfig.problem(
          response, 409, "Conflicting decision", "the first request with this key failed; retry");
      return;
    }
    Object[] r = rows.get(0);
    if (!hash.equals(r[0])) {
      SecurityConfig.problem(
          response,
          422,
          "Idempotency-Key reused",
          "this Idempotency-Key was used for a different request; use a new key");
    } else if (r[1] == null) {
      SecurityConfig.problem(
          response,
          409,
          "Conflicting decision",
          "the first request with this Idempotency-Key is still being processed");
    } else {
      response.setStatus((Integer) r[1]);
      if (r[2] != null) {
        response.setContentType((String) r[2]);
      }
      response.setHeader("Idempotent-Replayed", "true");
      byte[] b = (byte[]) r[3];
      if (b != null) {
        response.getOutputStream().write(b);
      }
    }
  }

  private void forget(String actor, String key) {
    jdbc.sql("delete from idempotent_request where actor = ? and key = ?")
        .params(actor, key)
        .update();
  }

  private static String hash(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      String line =
          request.getMethod()
              + " "
              + request.getRequestURI()
              + "?"
              + (request.getQueryString() == null ? "" : request.getQueryString())
              + "\n";
      d.update(line.getBytes(StandardCharsets.UTF_8));
      d.update(body);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request with its body already read, so that the controller can read it again. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
