package org.tandem.privacy;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The confidential store: a table of its own that nothing a coordinator can read joins. */
@Repository
public class ConfidentialNotes {

  private final JdbcClient jdbc;

  public ConfidentialNotes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void save(ConfidentialNote note) {
    jdbc.sql("""
            insert into confidential_note (relationship_id, author_id, topic, reference, field, visibility, content,
                                           written_at)
            values (:relationship, :author, :topic, :reference, :field, :visibility, :content, :writtenAt)""")
        .param("relationship", note.relationshipId())
        .param("author", note.authorId())
        .param("topic", note.topic())
        .param("reference", note.reference())
        .param("field", note.field())
        .param("visibility", note.visibility().name())
        .param("content", note.content())
        .param("writtenAt", Timestamp.from(note.writtenAt()))
        .update();
  }

  /** How many notes a relationship has: what a coordinator may know (DP-5). */
  public long count(String relationshipId) {
    return jdbc.sql("select count(*) from confidential_note where relationship_id = :id")
        .param("id", relationshipId).query(Long.class).single();
  }

  /** The notes of a relationship in the order written; callers decide who may see which (see {@link ConfidentialFields.Visibility}). */
  public List<ConfidentialNote> of(String relationshipId) {
    return jdbc.sql("""
            select relationship_id, author_id, topic, reference, field, visibility, content, written_at
            from confidential_note where relationship_id = :id order by id""")
        .param("id", relationshipId)
        .query((rs, row) -> new ConfidentialNote(rs.getString("relationship_id"), rs.getString("author_id"),
            rs.getString("topic"), rs.getString("reference"), rs.getString("field"),
            ConfidentialFields.Visibility.valueOf(rs.getString("visibility")), rs.getString("content"),
            rs.getTimestamp("written_at").toInstant()))
        .list();
  }
}
