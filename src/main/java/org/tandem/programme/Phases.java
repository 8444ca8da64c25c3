package org.tandem.programme;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.common.InvalidInputException;

/**
 * Who is in each phase now, with the process instance each waits in, so the dashboard's counts open the instances in
 * Cockpit. Requests and relationships are named by their ids only.
 */
@Service
class Phases {

  /** The most members one answer lists; the count says how many there are in all. */
  static final int LIMIT = 200;

  /** The phases a request and then its relationship pass through. */
  enum Phase {
    /** Asked; the client has not yet chosen a coach from their shortlist. */
    REQUESTED("coaching-request", "q", "created_at", """
        from coaching_request q where q.kind in (:kinds) and q.status = 'OPEN'
          and not exists (select 1 from match_offer o where o.request_id = q.id and o.answer is null)"""),
    /** A chosen coach is to answer, or a coordinator is matching by hand (MAT-3). */
    MATCHING("coaching-request", "q", "created_at", """
        from coaching_request q where q.kind in (:kinds)
          and (q.status = 'WITH_COORDINATOR' or (q.status = 'OPEN' and exists (select 1 from match_offer o
               where o.request_id = q.id and o.answer is null)))"""),
    /** Matched; the first contract is being agreed. */
    CONTRACTING("relationship", "r", "opened_at",
        "from relationship r where r.kind in (:kinds) and r.status = 'CONTRACTING'"),
    /** The contract is in force: sessions, reviews, re-contracting. */
    SESSIONS("relationship", "r", "opened_at",
        "from relationship r where r.kind in (:kinds) and r.status = 'ACTIVE'"),
    /** Closed, with end evaluations still due. */
    CLOSING("evaluation", "r", "closed_at", """
        from relationship r where r.kind in (:kinds) and r.status = 'CLOSED'
          and r.id in (select e.relationship_id from evaluation e where e.status = 'DUE')""");

    private final String process;
    private final String alias;
    /** Since when a member is in the phase. */
    private final String since;
    private final String from;

    Phase(String process, String alias, String since, String from) {
      this.process = process;
      this.alias = alias;
      this.since = since;
      this.from = from;
    }

    static Phase of(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("phase", "The phases are requested, matching, contracting, sessions and "
            + "closing, not '" + name + "'.");
      }
    }
  }

  /** One request or relationship in a phase, since when, and the running process it waits in. */
  record Member(String id, String kind, Instant since, String processInstanceId) {
  }

  /** The first {@link #LIMIT} members of a phase, the longest there first. */
  record Members(String phase, long count, List<Member> members) {
  }

  private final JdbcClient jdbc;

  Phases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long count(Phase phase, Period.Kinds kinds) {
    return jdbc.sql("select count(*) " + phase.from).param("kinds", kinds.names()).query(Long.class).single();
  }

  @Transactional(readOnly = true)
  Members members(Phase phase, Period.Kinds kinds) {
    String a = phase.alias;
    List<Object[]> shown = jdbc.sql("select " + a + ".id, " + a + ".kind, " + a + "." + phase.since + " "
            + phase.from + " order by " + a + "." + phase.since + ", " + a + ".id fetch first " + LIMIT + " rows only")
        .param("kinds", kinds.names())
        .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3)}).list();
    Map<String, String> instances = new HashMap<>();
    if (!shown.isEmpty()) {
      jdbc.sql("""
              select BUSINESS_KEY_, min(ID_) from ACT_HI_PROCINST
              where PROC_DEF_KEY_ = :process and END_TIME_ is null and BUSINESS_KEY_ in (:keys)
              group by BUSINESS_KEY_""")
          .param("process", phase.process).param("keys", shown.stream().map(row -> row[0]).toList())
          .query(rs -> {
            instances.put(rs.getString(1), rs.getString(2));
          });
    }
    List<Member> members = new ArrayList<>();
    for (Object[] row : shown) {
      Timestamp since = (Timestamp) row[2];
      members.add(new Member((String) row[0], (String) row[1], since == null ? null : since.toInstant(),
          instances.get((String) row[0])));
    }
    return new Members(phase.name().toLowerCase(Locale.ROOT), count(phase, kinds), members);
  }
}
