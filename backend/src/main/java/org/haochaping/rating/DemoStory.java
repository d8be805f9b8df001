package org.haochaping.rating;

/**
 * How the demo's story goes for each campaign: how residents feel about it, and how fast its
 * officials report it advancing. The two are set apart on purpose for some campaigns (property
 * management claims its model compounds done while residents are the least satisfied; property
 * registration is behind but felt well), so the dashboard's 进展与感受 chart has something to show.
 *
 * @param mood shifts the chance of a good review, e.g. -0.15 about 15 points fewer 好评
 * @param claimedPace officials' progress against the straight line to the target: 1 on it, above ahead
 */
record DemoStory(double mood, double claimedPace) {

    static DemoStory of(String campaign) {
        return switch (campaign) {
            case "property-management" -> new DemoStory(-0.15, 1.2);
            case "illegal-construction" -> new DemoStory(-0.08, 1.1);
            case "work-safety" -> new DemoStory(-0.1, 1.0);
            case "one-thing-one-visit" -> new DemoStory(0.2, 1.0);
            case "property-registration" -> new DemoStory(0.1, 0.5);
            case "mining-subsidence" -> new DemoStory(-0.2, 0.45);
            case "soe-reform" -> new DemoStory(0.0, 0.7);
            case "funeral-reform" -> new DemoStory(-0.05, 0.85);
            case "idle-resources" -> new DemoStory(0.08, 1.15);
            case "village-collective-economy" -> new DemoStory(0.05, 0.8);
            default -> new DemoStory(0.05, 0.8);
        };
    }
}
