package org.tandem.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.tandem.common.EngineTime;

/** DP-1: explicit consent, recorded with when and which version of the privacy notice, before data is kept. */
@Service
public class ConsentService {

  /** What the consent is given for. */
  public enum Purpose {
    /** Applying to the register of coaches and mentors. */
    REGISTER,
    /** Asking for coaching or mentoring. */
    COACHING_REQUEST
  }

  /** A consent as recorded. */
  public record Consent(long id, String personId, Purpose purpose, String noticeVersion, Instant givenAt,
      Instant withdrawnAt) {
  }

  private final JdbcClient jdbc;
  private final PrivacySettings settings;

  ConsentService(JdbcClient jdbc, PrivacySettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** Records consent to the privacy notice in force; answers its id. */
  public long record(String personId, Purpose purpose) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into consent (person_id, purpose, notice_version, given_at)
            values (:person, :purpose, :version, :at)""")
        .param("person", personId).param("purpose", purpose.name()).param("version", settings.noticeVersion())
        .param("at", Timestamp.from(EngineTime.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** DP-1: the person withdraws every consent they gave; answers how many were still in force. */
  public int withdraw(String personId) {
    return jdbc.sql("update consent set withdrawn_at = :at where person_id = :person and withdrawn_at is null")
        .param("at", Timestamp.from(EngineTime.now())).param("person", personId).update();
  }

  /** DP-3: a consent whose request has gone at the end of its retention period. */
  public void dispose(long consentId) {
    jdbc.sql("delete from consent where id = :id").param("id", consentId).update();
  }

  /** Consents are evidence that data was processed lawfully; they go with the rest of the person's data. */
  void erase(String personId) {
    jdbc.sql("delete from consent where person_id = :person").param("person", personId).update();
  }

  public List<Consent> of(String personId) {
    return jdbc.sql("""
            select id, person_id, purpose, notice_version, given_at, withdrawn_at from consent
            where person_id = :person order by id""")
        .param("person", personId)
        .query((rs, n) -> new Consent(rs.getLong(1), rs.getString(2), Purpose.valueOf(rs.getString(3)),
            rs.getString(4), rs.getTimestamp(5).toInstant(),
            rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
        .list();
  }
}
