/**
 * Who may change what. Engine REST is the door Tasklist and every integration use, so each request through it is
 * checked before the engine sees it ({@link org.tandem.access.EngineRestFirewall}): a person completes only their own
 * tasks, with exactly the fields of the task's form; variables change through forms and nothing else; tasks are
 * assigned as their model says, and coordinators hand them over with a reason that is kept. Refusals, and the engine's
 * own errors, reach the caller as RFC 7807 problem details without internals.
 */
package org.tandem.access;
