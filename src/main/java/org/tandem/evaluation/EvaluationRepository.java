package org.tandem.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class EvaluationRepository {

  /** An evaluation as the monitoring sees it: who was asked what, and whether they returned it. */
  record Row(long id, String relationshipId, String respondentId, Questionnaire questionnaire, String status,
      Instant dueAt, Instant remindedAt, Instant closedAt) {
  }

  private final JdbcClient jdbc;

  EvaluationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long due(String relationshipId, String respondentId, Questionnaire questionnaire, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into evaluation (relationship_id, respondent_id, respondent_role, stage, status, due_at)
            values (:relationship, :respondent, :role, :stage, 'DUE', :at)""")
        .param("relationship", relationshipId).param("respondent", respondentId)
        .param("role", questionnaire.role().name()).param("stage", questionnaire.stage().name())
        .param("at", Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  void reminded(long id, Instant at) {
    jdbc.sql("update evaluation set reminded_at = :at where id = :id")
        .param("at", Timestamp.from(at)).param("id", id).update();
  }

  void closed(long id, String status, Instant at) {
    jdbc.sql("update evaluation set status = :status, closed_at = :at where id = :id and status = 'DUE'")
        .param("status", status).param("at", Timestamp.from(at)).param("id", id).update();
  }

  void answer(Questionnaire questionnaire, String kind, String question, String answer, String month) {
    jdbc.sql("""
            insert into evaluation_answer (questionnaire, kind, question, answer, answered_in)
            values (:questionnaire, :kind, :question, :answer, :month)""")
        .param("questionnaire", questionnaire.name()).param("kind", kind).param("question", question)
        .param("answer", answer).param("month", month).update();
  }

  List<Row> of(String relationshipId) {
    return jdbc.sql("""
            select id, relationship_id, respondent_id, respondent_role, stage, status, due_at, reminded_at, closed_at
            from evaluation where relationship_id = :id order by id""")
        .param("id", relationshipId)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
            Questionnaire.valueOf(rs.getString(4) + "_" + rs.getString(5)), rs.getString(6),
            rs.getTimestamp(7).toInstant(),
            rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
            rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
        .list();
  }

  /** Per questionnaire and question: how many answered, and the average where the answers are numbers. */
  List<EvaluationStatistics.Line> statistics() {
    return jdbc.sql("""
            select questionnaire, question, answer, count(*) from evaluation_answer
            group by questionnaire, question, answer order by questionnaire, question, answer""")
        .query((rs, n) -> new EvaluationStatistics.Line(Questionnaire.valueOf(rs.getString(1)), rs.getString(2),
            rs.getString(3), rs.getLong(4)))
        .list();
  }
}
