package org.tandem.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.relationship.Kind;

/**
 * MAT-2 in one indexed query: who is eligible for a request, ranked by fit, the best first. Eligible means listed,
 * not lapsed (for coaching) and not suspended, of the right kind, with capacity left, and without a conflict of
 * interest: not the client, their sponsor or anyone in their line of management, and not a coach the client left for
 * a conflict of interest.
 */
@Repository
class EligibleCoaches {

  /** A coach as the query ranks them, with the facts behind the score. */
  record Ranked(String coachId, String firstName, String lastName, String organisation, int capacity, int active,
      boolean specialism, boolean format, boolean location, double score) {
  }

  private final JdbcClient jdbc;

  EligibleCoaches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The query of a request, with its named parameters. */
  record Query(String sql, Map<String, Object> params) {
  }

  /**
   * @param excluded coaches this request may not offer again (those who declined or did not answer)
   */
  List<Ranked> rank(CoachingRequest request, Set<String> excluded, int size) {
    return ranked(query(request, excluded, size, true));
  }

  /**
   * The coaches a coordinator may match a request with by hand (MAT-3): eligible as for a shortlist, but whatever
   * their load, since their capacity is the coordinator's call; the best fit first.
   */
  List<Ranked> forHandMatch(CoachingRequest request, int size) {
    return ranked(query(request, Set.of(), size, false));
  }

  private List<Ranked> ranked(Query query) {
    return jdbc.sql(query.sql()).params(query.params())
        .query((rs, n) -> new Ranked(rs.getString("user_id"), rs.getString("first_name"), rs.getString("last_name"),
            rs.getString("organisation"), rs.getInt("capacity"), rs.getInt("active"), rs.getInt("specialism") == 1,
            rs.getInt("format") == 1, rs.getInt("location") == 1, rs.getDouble("score")))
        .list();
  }

  Query query(CoachingRequest request, Set<String> excluded, int size) {
    return query(request, excluded, size, true);
  }

  private Query query(CoachingRequest request, Set<String> excluded, int size, boolean withinCapacity) {
    Map<String, Object> params = new HashMap<>();
    Set<String> notThem = new LinkedHashSet<>(excluded);
    notThem.add(request.clientId());
    if (request.sponsorId() != null) {
      notThem.add(request.sponsorId());
    }
    notThem.addAll(request.lineManagers());
    params.put("notThem", new ArrayList<>(notThem));
    params.put("client", request.clientId());
    params.put("wSpecialism", Fit.SPECIALISM);
    params.put("wFormat", Fit.FORMAT);
    params.put("wLocation", Fit.LOCATION);
    params.put("wLoad", Fit.LOAD);
    params.put("size", size);

    String joins = "";
    String specialism = "0";
    if (request.preferredSpecialism() != null) {
      joins += " left join coach_specialism s on s.user_id = p.user_id and s.specialism = :specialism";
      specialism = "case when s.user_id is null then 0 else 1 end";
      params.put("specialism", request.preferredSpecialism().name());
    }
    String format = "0";
    if (request.preferredFormat() != null) {
      format = switch (request.preferredFormat()) {
        case VIRTUAL -> "case when p.offers_virtual then 1 else 0 end";
        case HYBRID -> "case when p.offers_hybrid then 1 else 0 end";
        case IN_PERSON -> "case when p.offers_in_person then 1 else 0 end";
      };
    }
    String location = "0";
    if (request.preferredLocation() != null) {
      joins += " left join coach_location l on l.user_id = p.user_id and l.location = :location";
      location = "case when l.user_id is null then 0 else 1 end";
      params.put("location", request.preferredLocation());
    }
    String kind = request.kind() == Kind.COACHING ? "p.is_coach = true and p.coach_lapsed = false"
        : "p.is_mentor = true";

    // the load is kept on the profile; the fit comes from joins, not per-row look-ups
    String sql = """
        select * from (
          select user_id, first_name, last_name, organisation, capacity, active, specialism, format, location,
                 :wSpecialism * specialism + :wFormat * format + :wLocation * location
                   - :wLoad * active / capacity as score
          from (
            select p.user_id, p.first_name, p.last_name, p.organisation, p.capacity,
                   p.active_clients as active, %s as specialism, %s as format, %s as location
            from coach_profile p
            left join (select distinct coach_id from relationship where client_id = :client
                       and end_reason = 'CONFLICT_OF_INTEREST') conflict on conflict.coach_id = p.user_id
            %s
            where p.status = 'LISTED' and %s
              and p.user_id not in (:notThem)
              and conflict.coach_id is null
          ) facts
          where %s
        ) ranked
        order by score desc, active, user_id
        fetch first :size rows only""".formatted(specialism, format, location, joins, kind,
        withinCapacity ? "active < capacity" : "capacity > 0");

    return new Query(sql, params);
  }

  /** Whether a coach is eligible for a request, capacity apart: for coordinators matching by hand. */
  boolean eligibleApartFromCapacity(CoachingRequest request, String coachId) {
    Set<String> notThem = new LinkedHashSet<>(request.lineManagers());
    notThem.add(request.clientId());
    if (request.sponsorId() != null) {
      notThem.add(request.sponsorId());
    }
    if (notThem.contains(coachId)) {
      return false;
    }
    String kind = request.kind() == Kind.COACHING ? "is_coach = true and coach_lapsed = false" : "is_mentor = true";
    return jdbc.sql("""
            select count(*) from coach_profile p where p.user_id = :coach and p.status = 'LISTED' and %s
              and not exists (select 1 from relationship r where r.client_id = :client and r.coach_id = p.user_id
                              and r.end_reason = 'CONFLICT_OF_INTEREST')""".formatted(kind))
        .param("coach", coachId).param("client", request.clientId()).query(Long.class).single() > 0;
  }
}
