package org.haochaping.campaign;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No campaign has the code asked for. */
public class CampaignNotFoundException extends ProblemException {

    public CampaignNotFoundException(String code) {
        super(HttpStatus.NOT_FOUND, "CAMPAIGN_NOT_FOUND", code);
    }
}
