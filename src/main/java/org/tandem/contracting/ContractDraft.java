package org.tandem.contracting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The terms of a contract as the coach drafts them with the client (CON-1..4).
 *
 * @param firstSession the agreed date and time of the first session of this contract, local to the programme's
 *     time zone; may be left open and arranged later
 */
public record ContractDraft(
    LocalDate startDate,
    LocalDate plannedEndDate,
    Integer anticipatedMonths,
    int sessionsAgreed,
    String frequency,
    String plannedDates,
    LocalDateTime firstSession,
    int sessionMinutes,
    SessionFormat format,
    String location,
    boolean camerasAgreed,
    List<Goal> goals,
    String whyChosen,
    String organisationBenefits,
    String coachExpectations,
    String clientExpectations,
    int noticeHours,
    boolean confidentialityAcknowledged,
    boolean ethicsAcknowledged,
    boolean recordKeepingAgreed) {
}
