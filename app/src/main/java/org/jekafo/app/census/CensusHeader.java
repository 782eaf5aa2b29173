package org.jekafo.app.census;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each census column sits in a file's header row: in any order, extra columns ignored, the first of
 * two columns with one meaning taken.
 */
final class CensusHeader {

    private final Map<CensusColumn, Integer> positions;

    private CensusHeader(Map<CensusColumn, Integer> positions) {
        this.positions = positions;
    }

    /** The header a row names, with every required column, or the one sentence saying what is wrong with it. */
    static CensusHeader of(List<String> row) throws CensusFileException {
        Map<CensusColumn, Integer> positions = recognised(row);
        if (positions.isEmpty()) {
            throw new CensusFileException(CensusFileException.NOT_A_CENSUS, "Ce fichier n'est pas un recensement : "
                    + "sa première ligne ne nomme aucune des colonnes attendues (nom, prénom, sexe, année de naissance, "
                    + "téléphone, région, unité locale, métier…).");
        }
        List<CensusColumn> missing = Arrays.stream(CensusColumn.values())
                .filter(column -> column.required() && !positions.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            String names = missing.stream().map(CensusColumn::frenchName).collect(Collectors.joining(" », « "));
            throw new CensusFileException(CensusFileException.MISSING_COLUMNS, missing.size() == 1
                    ? "Il manque au fichier la colonne obligatoire « " + names + " » : ajoutez-la à la ligne d'en-tête, "
                    + "puis importez à nouveau."
                    : "Il manque au fichier les colonnes obligatoires « " + names + " » : ajoutez-les à la ligne "
                    + "d'en-tête, puis importez à nouveau.");
        }
        return new CensusHeader(positions);
    }

    /** How many census columns a row names: a header row names several, a title or data row hardly any. */
    static int columnsNamedIn(List<String> row) {
        return recognised(row).size();
    }

    /** The position of a column in the file's rows, or -1 when the file has no such column. */
    int positionOf(CensusColumn column) {
        return positions.getOrDefault(column, -1);
    }

    /** A row's cells in the census's own column order, empty where the file has no such column or cell. */
    List<String> cellsOf(List<String> row) {
        List<String> cells = new ArrayList<>(CensusColumn.values().length);
        for (CensusColumn column : CensusColumn.values()) {
            int position = positionOf(column);
            cells.add(position >= 0 && position < row.size() && row.get(position) != null ? row.get(position) : "");
        }
        return cells;
    }

    private static Map<CensusColumn, Integer> recognised(List<String> row) {
        Map<CensusColumn, Integer> positions = new EnumMap<>(CensusColumn.class);
        for (int i = 0; i < row.size(); i++) {
            int position = i;
            CensusColumn.named(row.get(i)).ifPresent(column -> positions.putIfAbsent(column, position));
        }
        return positions;
    }
}
