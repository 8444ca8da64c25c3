/**
 * Complaints about a coach's conduct (CMP-1): with the coach first, then the HR department of the client's
 * organisation, then the programme's coaching lead, who may suspend or remove the coach. Open complaints are
 * visible to coordinators, the coach concerned and whoever raised them.
 */
package org.tandem.complaint;
