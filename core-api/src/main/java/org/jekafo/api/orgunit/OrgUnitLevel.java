package org.jekafo.api.orgunit;

/** Levels of the federation's tree: the national federation, its regions, their local units. */
public enum OrgUnitLevel {
    NATIONAL, REGIONAL, LOCAL;

    /** The level a unit's parent must have, or {@code null} for the national root. */
    public OrgUnitLevel parentLevel() {
        return switch (this) {
            case NATIONAL -> null;
            case REGIONAL -> NATIONAL;
            case LOCAL -> REGIONAL;
        };
    }
}
