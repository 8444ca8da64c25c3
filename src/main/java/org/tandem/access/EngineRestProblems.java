package org.tandem.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Engine REST's errors as the product answers them: RFC 7807 problem details ({@code application/problem+json}) with
 * a {@code detail} in the caller's words, also given as {@code message}, which Tasklist shows. No class name, stack
 * trace, engine code or other person's id reaches anyone but an administrator; the engine's own message is logged
 * with a reference instead.
 */
@Component
class EngineRestProblems {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(EngineRestProblems.class);
  private static final Pattern CLASS_NAMES = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
  private static final Pattern ENGINE_CODES = Pattern.compile("\\bENGINE-\\d+\\s*");

  /** The engine's exceptions whose meaning the product tells in its own words, by status and detail. */
  private static final Map<String, Answer> KNOWN = Map.of(
      "AuthorizationException", new Answer(403, "You are not allowed to do this."),
      "TaskAlreadyClaimedException", new Answer(409, "Someone has claimed this task already."),
      "NullValueException", new Answer(404, "Not found, or not yours to see."),
      "OptimisticLockingException", new Answer(409,
          "Someone else changed this at the same moment. Load it again and retry."));

  private record Answer(int status, String detail) {
  }

  private final ObjectMapper json = new ObjectMapper();

  /** Answers a refusal of the firewall. */
  void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
    write(response, refusal.status(), refusal.getMessage(), refusal.field(), null);
  }

  /** A response that passes a success through untouched and rewrites an error once the engine has written it. */
  Rewriting rewriting(HttpServletResponse response, boolean admin) {
    return new Rewriting(response, admin);
  }

  private void write(HttpServletResponse response, int status, String detail, String field, JsonNode extra)
      throws IOException {
    ObjectNode problem = json.createObjectNode();
    problem.put("type", "about:blank");
    problem.put("title", field != null && status == 400 ? "Invalid input" : title(status));
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("message", detail);
    if (field != null) {
      problem.put("field", field);
    }
    if (extra != null) {
      problem.set("details", extra);
    }
    byte[] body = json.writeValueAsBytes(problem);
    response.setStatus(status);
    response.setContentType(PROBLEM_JSON);
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String title(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "Error" : known.getReasonPhrase();
  }

  /** The product's own exceptions as engine REST reports them (by simple name), with the status they mean. */
  private static final Map<String, Integer> PRODUCT = Map.of(
      "InvalidInputException", 400,
      "NotPermittedException", 403,
      "NotFoundException", 404,
      "ConflictException", 409);

  private void translate(HttpServletResponse response, int status, byte[] captured, boolean admin)
      throws IOException {
    JsonNode original = null;
    try {
      original = captured.length == 0 ? null : json.readTree(captured);
    } catch (IOException e) {
      original = null;
    }
    String type = original == null ? null : original.path("type").asText(null);
    String message = original == null ? null : original.path("message").asText(null);
    if (type != null && PRODUCT.containsKey(type) && message != null) {
      write(response, PRODUCT.get(type), message, null, null);
      return;
    }
    if (type != null && KNOWN.containsKey(type)) {
      Answer answer = KNOWN.get(type);
      write(response, answer.status(), answer.detail(), null, null);
      return;
    }
    if (status >= 500) {
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.warn("Engine REST answered {} ({}): {} [reference {}]", status, type, message, reference);
      String detail = "Something went wrong on our side; it was logged with the reference " + reference + ".";
      write(response, status, admin && message != null ? scrub(message) + " (" + reference + ")" : detail, null,
          null);
      return;
    }
    String detail = switch (status) {
      case 401 -> "Log in first.";
      case 403 -> "You are not allowed to do this.";
      case 404 -> "Not found, or not yours to see.";
      case 405 -> "This method is not offered here.";
      case 409 -> "This changed in the meantime. Load it again and retry.";
      case 415 -> "Send the request as JSON.";
      default -> "The request is not valid.";
    };
    boolean tellAdmin = admin && message != null && status != 401 && status != 403;
    write(response, status, tellAdmin ? scrub(message) : detail, null,
        admin && original != null && original.has("details") ? original.get("details") : null);
  }

  static String scrub(String message) {
    return CLASS_NAMES.matcher(ENGINE_CODES.matcher(message).replaceAll("")).replaceAll("(internal)").trim();
  }

  /**
   * The response engine REST writes into. Below 400 it is the real response; from the moment the engine sets an
   * error status, its body and headers are kept back and replaced by a problem detail when the request is done.
   */
  final class Rewriting extends HttpServletResponseWrapper {

    private final boolean admin;
    private int status = SC_OK;
    private boolean capturing;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;

    Rewriting(HttpServletResponse response, boolean admin) {
      super(response);
      this.admin = admin;
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      capturing = sc >= 400;
      if (!capturing) {
        super.setStatus(sc);
      }
    }

    @Override
    public void sendError(int sc) {
      status = sc;
      capturing = true;
    }

    @Override
    public void sendError(int sc, String msg) {
      sendError(sc);
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void setContentType(String type) {
      if (!capturing) {
        super.setContentType(type);
      }
    }

    @Override
    public void setContentLength(int len) {
      if (!capturing) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!capturing) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!capturing || !contentHeader(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!capturing || !contentHeader(name)) {
        super.addHeader(name, value);
      }
    }

    private boolean contentHeader(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      return lower.equals("content-type") || lower.equals("content-length");
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!capturing) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!capturing) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("Errors are written at once");
          }

          @Override
          public void write(int b) {
            captured.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            captured.write(bytes, offset, length);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!capturing) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    /** Writes the problem detail for an error; a success has already gone out as it was. */
    void finish() throws IOException {
      if (!capturing) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (response.isCommitted()) {
        return;
      }
      response.resetBuffer();
      translate(response, status, captured.toByteArray(), admin);
    }
  }
}
