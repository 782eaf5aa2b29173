package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.Gender;

import java.util.List;

/**
 * The groups a voter belonged to when voting, for the breakdown of results: gender, disability, region, local unit,
 * main trade and age band (e.g. {@code 35-49}); any may be null when unknown or erased.
 */
public record VoterGroup(@JsonProperty("gender") Gender gender, @JsonProperty("disability") Boolean disability,
                         @JsonProperty("regionId") String regionId, @JsonProperty("localUnitId") String localUnitId,
                         @JsonProperty("trade") String trade, @JsonProperty("ageBand") String ageBand) {

    /** The breakdown dimensions, in the order results show them. */
    public static final List<String> DIMENSIONS = List.of("GENDER", "DISABILITY", "REGION", "LOCAL_UNIT", "TRADE",
            "AGE_BAND");
    /** The group of a voter whose attribute is unknown (registered before it was kept, or erased). */
    public static final String UNKNOWN = "UNKNOWN";

    /** This voter's group in each dimension of {@link #DIMENSIONS}, in that order. */
    public List<String> groups() {
        return List.of(gender == null ? UNKNOWN : gender.name(),
                disability == null ? UNKNOWN : disability ? "YES" : "NO",
                regionId == null ? UNKNOWN : regionId, localUnitId == null ? UNKNOWN : localUnitId,
                trade == null ? UNKNOWN : trade, ageBand == null ? UNKNOWN : ageBand);
    }

    /** The age band of someone born in {@code birthYear}, in {@code year}: {@code <25}, {@code 25-34}, {@code 35-49}, {@code 50-64}, {@code 65+}. */
    public static String ageBand(Integer birthYear, int year) {
        if (birthYear == null) {
            return null;
        }
        int age = year - birthYear;
        return age < 25 ? "<25" : age < 35 ? "25-34" : age < 50 ? "35-49" : age < 65 ? "50-64" : "65+";
    }
}
