package org.dyadkit.apim;

import java.util.List;

/**
 * Simple slopes, Johnson-Neyman regions and interaction-plot data of a moderated APIM.
 *
 * @param slopes each focal/moderator pair at each moderator value and role
 * @param regions one region of significance per pair and role
 * @param plot the interaction-plot data
 */
public record SimpleSlopesResult(List<SimpleSlope> slopes, List<JohnsonNeyman> regions, List<PlotPoint> plot) {
    /** Copies the lists. */
    public SimpleSlopesResult {
        slopes = List.copyOf(slopes);
        regions = List.copyOf(regions);
        plot = List.copyOf(plot);
    }
}
