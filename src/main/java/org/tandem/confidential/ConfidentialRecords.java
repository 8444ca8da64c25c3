package org.tandem.confidential;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.identity.People;
import org.tandem.common.NotFoundException;
import org.tandem.common.NotPermittedException;

/**
 * Who may read which confidential record, and the log of every read (SES-2, DP-4, DP-5, DP-6). The coach and the
 * client read what was said between them and their own private notes; someone else reads a record only when it was
 * shared with them by the client (or, for a private note, by its author); coordinators learn how many records exist
 * and when, never what they say.
 */
@Service
public class ConfidentialRecords {

  /** Why a record was read. */
  public enum Purpose {
    /** The coach or the client reading their relationship's records. */
    RELATIONSHIP,
    /** Someone reading a record shared with them (DP-4). */
    SHARED,
    /** A person's copy of everything held about them (DP-2). */
    SUBJECT_ACCESS
  }

  /** The two people a relationship's records belong to. */
  public record Pair(String relationshipId, String coachId, String clientId) {

    boolean includes(String person) {
      return person.equals(coachId) || person.equals(clientId);
    }

    String roleOf(String person) {
      return person.equals(coachId) ? "COACH" : person.equals(clientId) ? "CLIENT" : "OTHER";
    }
  }

  /** A record as a reader sees it; {@code content} is absent where the reader may only know that it exists. */
  public record Entry(long id, String topic, String reference, String field, String visibility, String writtenBy,
      Instant writtenAt, String content) {
  }

  /** One read of a record. */
  public record Read(long recordId, String readerId, Purpose purpose, Instant readAt) {
  }

  /** A record shared outside the pair. */
  public record Share(long recordId, String sharedWith, String agreedBy, Instant agreedAt) {
  }

  private final ConfidentialNotes notes;
  private final JdbcClient jdbc;
  private final People people;

  ConfidentialRecords(ConfidentialNotes notes, JdbcClient jdbc, People people) {
    this.notes = notes;
    this.jdbc = jdbc;
    this.people = people;
  }

  /**
   * SES-2, DP-6: the records the reader may read, opened, each read logged. The coach and the client see what was said
   * between them and their own private notes, never the other's; anyone else sees only what was shared with them.
   */
  @Transactional
  public List<Entry> read(Pair pair, String reader) {
    List<ConfidentialNote> visible;
    Purpose purpose;
    if (pair.includes(reader)) {
      purpose = Purpose.RELATIONSHIP;
      visible = notes.of(pair.relationshipId()).stream()
          .filter(note -> note.visibility() == ConfidentialFields.Visibility.PAIR || note.authorId().equals(reader))
          .toList();
    } else {
      purpose = Purpose.SHARED;
      Set<Long> shared = Set.copyOf(jdbc.sql("""
              select s.note_id from note_share s join confidential_note n on n.id = s.note_id
              where n.relationship_id = :relationship and s.shared_with = :reader""")
          .param("relationship", pair.relationshipId()).param("reader", reader).query(Long.class).list());
      if (shared.isEmpty()) {
        throw new NotPermittedException("The records of " + pair.relationshipId()
            + " are confidential to its coach and client, and none has been shared with you.");
      }
      visible = notes.of(pair.relationshipId()).stream().filter(note -> shared.contains(note.id())).toList();
    }
    visible.forEach(note -> logRead(note, reader, purpose));
    return visible.stream().map(note -> entry(pair, note, note.content())).toList();
  }

  /** DP-5: what may be known of a relationship's records without reading them: what about, by whom, when. */
  public List<Entry> summary(Pair pair) {
    return notes.withoutContent(pair.relationshipId()).stream().map(note -> entry(pair, note, null)).toList();
  }

  /**
   * DP-2: what a coordinator asking on a person's behalf learns of the records of their relationships, without reading
   * them: what was said between coach and client, and the person's own private notes.
   */
  public List<Entry> summaryForSubject(String personId, List<Pair> pairs) {
    return pairs.stream().flatMap(pair -> summary(pair).stream()
            .filter(entry -> entry.visibility().equals(ConfidentialFields.Visibility.PAIR.name())
                || entry.writtenBy().equals(pair.roleOf(personId))))
        .toList();
  }

  /** DP-6: who read the relationship's records, and when. */
  public List<Read> reads(String relationshipId) {
    return jdbc.sql("""
            select note_id, reader_id, purpose, read_at from confidential_read
            where relationship_id = :id order by id""")
        .param("id", relationshipId)
        .query((rs, n) -> new Read(rs.getLong(1), rs.getString(2), Purpose.valueOf(rs.getString(3)),
            rs.getTimestamp(4).toInstant()))
        .list();
  }

  /**
   * DP-4: shares one record with someone outside the pair. What was said between coach and client is shared only by
   * the client; a private note only by its author.
   */
  @Transactional
  public Share share(Pair pair, long recordId, String sharer, String with) {
    ConfidentialNote note = notes.find(recordId).filter(found -> found.relationshipId().equals(pair.relationshipId()))
        .orElseThrow(() -> new NotFoundException("No record " + recordId + " in " + pair.relationshipId()));
    mayShare(pair, note, sharer);
    if (with == null || with.isBlank()) {
      throw new InvalidInputException("with", "Name the person to share the record with.");
    }
    if (pair.includes(with)) {
      throw new InvalidInputException("with", with + " is the coach or the client and reads the record already.");
    }
    if (people.find(with).isEmpty()) {
      throw new InvalidInputException("with", "There is no user '" + with + "'.");
    }
    Instant now = EngineTime.now();
    boolean exists = jdbc.sql("select count(*) from note_share where note_id = :note and shared_with = :with")
        .param("note", recordId).param("with", with).query(Long.class).single() > 0;
    if (!exists) {
      jdbc.sql("""
              insert into note_share (note_id, shared_with, agreed_by, agreed_at)
              values (:note, :with, :by, :at)""")
          .param("note", recordId).param("with", with).param("by", sharer).param("at", Timestamp.from(now))
          .update();
    }
    return shares(recordId).stream().filter(share -> share.sharedWith().equals(with)).findFirst().orElseThrow();
  }

  /** DP-4: takes a share back. */
  @Transactional
  public void unshare(Pair pair, long recordId, String sharer, String with) {
    ConfidentialNote note = notes.find(recordId).filter(found -> found.relationshipId().equals(pair.relationshipId()))
        .orElseThrow(() -> new NotFoundException("No record " + recordId + " in " + pair.relationshipId()));
    mayShare(pair, note, sharer);
    jdbc.sql("delete from note_share where note_id = :note and shared_with = :with")
        .param("note", recordId).param("with", with).update();
  }

  public List<Share> shares(long recordId) {
    return jdbc.sql("select note_id, shared_with, agreed_by, agreed_at from note_share where note_id = :note")
        .param("note", recordId)
        .query((rs, n) -> new Share(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .list();
  }

  private static void mayShare(Pair pair, ConfidentialNote note, String sharer) {
    boolean allowed = note.visibility() == ConfidentialFields.Visibility.PAIR
        ? sharer.equals(pair.clientId())
        : sharer.equals(note.authorId());
    if (!allowed) {
      throw new NotPermittedException(note.visibility() == ConfidentialFields.Visibility.PAIR
          ? "What was said between coach and client is shared only with the client's agreement: the client shares it."
          : "A private note is shared only by the person who wrote it.");
    }
  }

  /** DP-2: everything a person wrote, and what was said in their relationships, for their own copy; logged. */
  @Transactional
  public List<Entry> forSubject(String personId, List<Pair> pairs) {
    List<Entry> entries = new java.util.ArrayList<>();
    for (Pair pair : pairs) {
      for (ConfidentialNote note : notes.of(pair.relationshipId())) {
        if (note.visibility() == ConfidentialFields.Visibility.PAIR || note.authorId().equals(personId)) {
          logRead(note, personId, Purpose.SUBJECT_ACCESS);
          entries.add(entry(pair, note, note.content()));
        }
      }
    }
    return entries;
  }

  /**
   * DP-2: a person is erased from the confidential store. The notes they wrote go; what was said in their
   * relationships stays for the other party, rewritten by {@code scrub} (their names taken out); shares with them go,
   * and they are the pseudonym where they agreed to a share or read a record.
   */
  public void erase(String personId, String pseudonym, List<Pair> pairs, UnaryOperator<String> scrub) {
    notes.writtenBy(personId).forEach(note -> notes.delete(note.id()));
    for (Pair pair : pairs) {
      for (ConfidentialNote note : notes.of(pair.relationshipId())) {
        String written = scrub.apply(note.content());
        if (!written.equals(note.content())) {
          notes.rewrite(note, written);
        }
      }
    }
    jdbc.sql("delete from note_share where shared_with = :person").param("person", personId).update();
    jdbc.sql("update note_share set agreed_by = :pseudonym where agreed_by = :person")
        .param("pseudonym", pseudonym).param("person", personId).update();
    jdbc.sql("update confidential_read set reader_id = :pseudonym where reader_id = :person")
        .param("pseudonym", pseudonym).param("person", personId).update();
  }

  private void logRead(ConfidentialNote note, String reader, Purpose purpose) {
    jdbc.sql("""
            insert into confidential_read (note_id, relationship_id, reader_id, purpose, read_at)
            values (:note, :relationship, :reader, :purpose, :at)""")
        .param("note", note.id()).param("relationship", note.relationshipId()).param("reader", reader)
        .param("purpose", purpose.name()).param("at", Timestamp.from(EngineTime.now()))
        .update();
  }

  private static Entry entry(Pair pair, ConfidentialNote note, String content) {
    return new Entry(note.id(), note.topic(), note.reference(), note.field(), note.visibility().name(),
        pair.roleOf(note.authorId()), note.writtenAt(), content);
  }
}
