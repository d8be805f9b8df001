package org.haochaping.campaign;

/** Where a campaign is in its life. Residents rate ACTIVE campaigns. */
public enum CampaignStatus {
    PLANNED, ACTIVE, SUSPENDED, COMPLETED
}
