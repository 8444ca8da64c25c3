/**
 * The programme as coordinators see it in Cockpit: where relationships stand, how matching, contracting and sessions
 * go, which relationships have stalled, how long people take over each task, and evaluations only as aggregates
 * (EVA-4). Nothing here is confidential: no session content, no answer of an identifiable person, no client's name
 * (DP-5).
 */
package org.tandem.programme;
