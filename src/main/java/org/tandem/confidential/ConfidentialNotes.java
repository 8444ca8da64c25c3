package org.tandem.confidential;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The confidential store: a table of its own, its content sealed (see {@link Sealer}), that nothing a coordinator can
 * read joins. This class opens records for its callers without asking who they are; {@link ConfidentialRecords}
 * decides who may read what and logs every read.
 */
@Repository
public class ConfidentialNotes {

  /** The longest confidential answer kept, in characters. */
  public static final int MAX_LENGTH = 10_000;

  private static final String COLUMNS =
      "id, relationship_id, author_id, topic, reference, field, visibility, content, written_at";

  private final JdbcClient jdbc;
  private final Sealer sealer;

  public ConfidentialNotes(JdbcClient jdbc, Sealer sealer) {
    this.jdbc = jdbc;
    this.sealer = sealer;
  }

  /** Seals and keeps a note; answers its id. */
  public long save(ConfidentialNote note) {
    if (note.content().length() > MAX_LENGTH) {
      throw new IllegalArgumentException(note.field() + " is longer than " + MAX_LENGTH + " characters");
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
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
        .param("content", sealer.seal(note.content(), note.sealContext()))
        .param("writtenAt", Timestamp.from(note.writtenAt()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** How many notes a relationship has: what a coordinator may know (DP-5). */
  public long count(String relationshipId) {
    return jdbc.sql("select count(*) from confidential_note where relationship_id = :id")
        .param("id", relationshipId).query(Long.class).single();
  }

  /** The notes of a relationship in the order written, opened, without their content checked against a reader. */
  List<ConfidentialNote> of(String relationshipId) {
    return jdbc.sql("select " + COLUMNS + " from confidential_note where relationship_id = :id order by id")
        .param("id", relationshipId)
        .query((rs, row) -> opened(rs))
        .list();
  }

  /** The notes of a relationship without their content: when, what about, by whom (DP-5). */
  List<ConfidentialNote> withoutContent(String relationshipId) {
    return jdbc.sql("select " + COLUMNS + " from confidential_note where relationship_id = :id order by id")
        .param("id", relationshipId)
        .query((rs, row) -> read(rs, null))
        .list();
  }

  Optional<ConfidentialNote> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from confidential_note where id = :id")
        .param("id", id).query((rs, row) -> opened(rs)).optional();
  }

  /** Every note a person wrote, in any relationship. */
  List<ConfidentialNote> writtenBy(String personId) {
    return jdbc.sql("select " + COLUMNS + " from confidential_note where author_id = :author order by id")
        .param("author", personId).query((rs, row) -> opened(rs)).list();
  }

  /** Replaces a note's content, sealed again with the current key. */
  void rewrite(ConfidentialNote note, String content) {
    jdbc.sql("update confidential_note set content = :content where id = :id")
        .param("content", sealer.seal(content, note.sealContext())).param("id", note.id()).update();
  }

  /** Changes who a note names as its author, keeping its content and seal. */
  void reassignAuthor(String from, String to) {
    jdbc.sql("update confidential_note set author_id = :to where author_id = :from")
        .param("from", from).param("to", to).update();
  }

  /** DP-3: a relationship's records at the end of their retention period, with who read them and whom they were shared with. */
  public int disposeOf(String relationshipId) {
    jdbc.sql("delete from note_share where note_id in (select id from confidential_note where relationship_id = :id)")
        .param("id", relationshipId).update();
    jdbc.sql("delete from confidential_read where relationship_id = :id").param("id", relationshipId).update();
    return jdbc.sql("delete from confidential_note where relationship_id = :id").param("id", relationshipId).update();
  }

  void delete(long id) {
    jdbc.sql("delete from note_share where note_id = :id").param("id", id).update();
    jdbc.sql("delete from confidential_note where id = :id").param("id", id).update();
  }

  private ConfidentialNote opened(ResultSet rs) throws SQLException {
    ConfidentialNote stored = read(rs, null);
    String content = rs.getString("content");
    return withContent(stored, Sealer.isSealed(content) ? sealer.open(content, stored.sealContext()) : content);
  }

  private static ConfidentialNote read(ResultSet rs, String content) throws SQLException {
    return new ConfidentialNote(rs.getLong("id"), rs.getString("relationship_id"), rs.getString("author_id"),
        rs.getString("topic"), rs.getString("reference"), rs.getString("field"),
        ConfidentialFields.Visibility.valueOf(rs.getString("visibility")), content,
        rs.getTimestamp("written_at").toInstant());
  }

  static ConfidentialNote withContent(ConfidentialNote note, String content) {
    return new ConfidentialNote(note.id(), note.relationshipId(), note.authorId(), note.topic(), note.reference(),
        note.field(), note.visibility(), content, note.writtenAt());
  }
}
