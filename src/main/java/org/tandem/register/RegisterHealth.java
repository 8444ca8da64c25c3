package org.tandem.register;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register as a programme's steering group sees it: counts only, no one named. */
@Service
public class RegisterHealth {

  /**
   * People on the register by status; listed coaches whose CPD for the past year is short but who have not lapsed
   * (due) and those who lapsed (REG-2); the clients listed people hold against the capacity they offer.
   */
  public record Figures(Map<String, Long> byStatus, long listed, long cpdDue, long cpdLapsed, long clients,
      long capacity, Double capacityUsed) {
  }

  private final JdbcClient jdbc;
  private final CpdService cpd;

  RegisterHealth(JdbcClient jdbc, CpdService cpd) {
    this.jdbc = jdbc;
    this.cpd = cpd;
  }

  /** The register now, counting coaches, mentors, or both (a person may be both). */
  @Transactional(readOnly = true)
  public Figures now(boolean coaches, boolean mentors) {
    if (!coaches && !mentors) {
      throw new IllegalArgumentException("Count coaches, mentors or both");
    }
    String ofKind = coaches && mentors ? "" : coaches ? " and is_coach" : " and is_mentor";
    Map<String, Long> byStatus = new LinkedHashMap<>();
    jdbc.sql("select status, count(*) from coach_profile where 1 = 1" + ofKind + " group by status order by status")
        .query(rs -> {
          byStatus.put(rs.getString(1), rs.getLong(2));
        });
    long[] load = jdbc.sql("select count(*), coalesce(sum(active_clients), 0), coalesce(sum(capacity), 0), "
            + "count(case when coach_lapsed then 1 end) from coach_profile where status = 'LISTED'" + ofKind)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    Set<String> dueOrLapsed = Set.copyOf(cpd.coachesShortOfCpd(cpd.today()));
    long due = jdbc.sql("select user_id from coach_profile where status = 'LISTED' and not coach_lapsed" + ofKind)
        .query(String.class).list().stream().filter(dueOrLapsed::contains).count();
    double used = load[2] == 0 ? 0 : Math.round(1000.0 * load[1] / load[2]) / 1000.0;
    return new Figures(byStatus, load[0], due, load[3], load[1], load[2], load[2] == 0 ? null : used);
  }
}
