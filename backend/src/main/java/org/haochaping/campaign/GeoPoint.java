package org.haochaping.campaign;

import org.springframework.util.Assert;

/** A WGS-84 position. */
public record GeoPoint(double lat, double lng) {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    public GeoPoint {
        Assert.isTrue(lat >= -90 && lat <= 90, "Latitude is between -90 and 90");
        Assert.isTrue(lng >= -180 && lng <= 180, "Longitude is between -180 and 180");
    }

    /** Great-circle distance (haversine), in metres. */
    public double metersTo(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLng = Math.toRadians(other.lng - lng);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(a));
    }
}
