package org.tandem.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineTime;

/**
 * The table {@code notification} as an outbox: notifications are written in the transaction of the work that causes
 * them, so a rollback takes them back; the {@link OutboxWorker} sends them after commit.
 */
@Component
class Outbox {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";
  static final String CANCELLED = "CANCELLED";
  static final String KEPT = "KEPT";
  static final String NO_ADDRESS = "NO_ADDRESS";

  private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() { };

  /** A notification as the worker and coordinators read it. */
  record Entry(long id, String cause, Notice.Kind kind, String recipientId, String subject, String relationshipId,
      String taskId, Map<String, Object> params, String state, Instant createdAt, Instant sendAfter, int attempts,
      String lastError, Instant sentAt) {
  }

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  Outbox(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Keeps the notice to be sent from its time on, unless a notice of the same cause is kept already. A task's notice
   * that was withdrawn comes back when its cause applies again (a task handed back to whoever had it).
   */
  boolean enqueue(Notice notice) {
    Instant now = EngineTime.now();
    Instant sendAfter = notice.sendAfter() == null || notice.sendAfter().isBefore(now) ? now : notice.sendAfter();
    int inserted = jdbc.sql("""
            insert into notification (cause_key, kind, recipient_id, subject, relationship_id, task_id, params,
              state, created_at, send_after, attempts, emailed)
            select :cause, :kind, :recipient, :subject, :relationship, :task, :params, 'PENDING', :now, :sendAfter, 0,
              false
            where not exists (select 1 from notification where cause_key = :cause)""")
        .param("cause", notice.cause()).param("kind", notice.kind().name()).param("recipient", notice.recipientId())
        .param("subject", shorten(notice.subject(), 200)).param("relationship", notice.relationshipId())
        .param("task", notice.taskId()).param("params", write(notice.params()))
        .param("now", Timestamp.from(now)).param("sendAfter", Timestamp.from(sendAfter)).update();
    if (inserted == 0 && notice.taskId() != null) {
      return jdbc.sql("""
              update notification set state = 'PENDING', send_after = :sendAfter
              where cause_key = :cause and state = 'CANCELLED'""")
          .param("cause", notice.cause()).param("sendAfter", Timestamp.from(sendAfter)).update() == 1;
    }
    return inserted == 1;
  }

  /**
   * A task has ended (holder null), or has a new holder ({@code u=} and the assignee, or {@code g=} and the
   * candidate groups): its notifications not yet sent are withdrawn, but for those of that holder.
   */
  int withdrawForTask(String taskId, String holder) {
    String pattern = holder == null ? null
        : "%:" + holder.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ":%";
    return jdbc.sql("""
            update notification set state = 'CANCELLED'
            where task_id = :task and state = 'PENDING' and (cast(:pattern as varchar(300)) is null
              or cause_key not like :pattern)""")
        .param("task", taskId).param("pattern", pattern).update();
  }

  /** The notifications in a state (null: every state), the newest first. */
  List<Entry> list(String state, String recipientId, int limit) {
    return jdbc.sql("""
            select * from notification
            where (cast(:state as varchar(16)) is null or state = :state)
              and (cast(:recipient as varchar(64)) is null or recipient_id = :recipient)
            order by created_at desc, id desc fetch first :limit rows only""")
        .param("state", state).param("recipient", recipientId).param("limit", limit)
        .query((rs, n) -> entry(rs)).list();
  }

  java.util.Optional<Entry> find(long id) {
    return jdbc.sql("select * from notification where id = :id").param("id", id).query((rs, n) -> entry(rs))
        .optional();
  }

  /** How many notifications are in each state. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.sql("select state, count(*) from notification group by state")
        .query(rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /**
   * A notification that was not delivered (failed, kept while mail was off, or without an address then) is tried
   * again from now, with its attempts counted afresh.
   */
  boolean retry(long id) {
    return jdbc.sql("""
            update notification set state = 'PENDING', attempts = 0, send_after = :now, last_error = null
            where id = :id and state in ('FAILED', 'KEPT', 'NO_ADDRESS')""")
        .param("id", id).param("now", Timestamp.from(EngineTime.now())).update() == 1;
  }

  Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new Entry(rs.getLong("id"), rs.getString("cause_key"), Notice.Kind.valueOf(rs.getString("kind")),
        rs.getString("recipient_id"), rs.getString("subject"), rs.getString("relationship_id"),
        rs.getString("task_id"), read(rs.getString("params")), rs.getString("state"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("send_after").toInstant(), rs.getInt("attempts"),
        rs.getString("last_error"), sent == null ? null : sent.toInstant());
  }

  private String write(Map<String, Object> params) {
    try {
      return params == null || params.isEmpty() ? null : json.writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A notification's values are not JSON", e);
    }
  }

  private Map<String, Object> read(String params) {
    try {
      return params == null ? Map.of() : json.readValue(params, PARAMS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A notification's values are not JSON", e);
    }
  }

  static String shorten(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
