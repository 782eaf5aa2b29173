package org.jekafo.app.census;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rows of the first sheet of an {@code .xlsx} workbook, streamed with FastExcel. Cells become the text a
 * census holds: numbers without a decimal or exponent part ({@code 76123456}, not {@code 7.6123456E7}), date
 * numbers as ISO dates in the columns that hold dates, true/false as oui/non.
 */
final class XlsxRows implements SheetRows {

    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    private static final long LAST_SERIAL = 2_958_465; // 9999-12-31

    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> stream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
    private final Set<Integer> dateColumns = new HashSet<>();

    private XlsxRows(ReadableWorkbook workbook, Stream<org.dhatim.fastexcel.reader.Row> stream) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
    }

    static XlsxRows open(Path file) throws IOException {
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(file.toFile());
            return new XlsxRows(workbook, workbook.getFirstSheet().openStream());
        } catch (IOException | RuntimeException e) {
            if (workbook != null) {
                workbook.close();
            }
            throw damaged(e);
        }
    }

    @Override
    public void readAsDates(int column) {
        dateColumns.add(column);
    }

    @Override
    public Row next() throws IOException {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            org.dhatim.fastexcel.reader.Row row = rows.next();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                Cell cell = row.getCell(i);
                cells.add(cell == null ? "" : text(cell, dateColumns.contains(i)));
            }
            return new Row(row.getRowNum(), cells);
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    private String text(Cell cell, boolean date) {
        return switch (cell.getType()) {
            case NUMBER -> number(cell.asNumber(), date);
            case STRING -> cell.asString() == null ? "" : cell.asString();
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "oui" : "non";
            case FORMULA -> formulaResult(cell.getRawValue(), date);
            default -> "";
        };
    }

    private String formulaResult(String cached, boolean date) {
        if (cached == null) {
            return "";
        }
        try {
            return number(new BigDecimal(cached.strip()), date);
        } catch (NumberFormatException notANumber) {
            return cached;
        }
    }

    private String number(BigDecimal value, boolean date) {
        if (value == null) {
            return "";
        }
        if (date && value.signum() > 0 && value.longValue() <= LAST_SERIAL) {
            return (workbook.isDate1904() ? EPOCH_1904 : EPOCH_1900).plusDays(value.longValue()).toString();
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static CensusFileException damaged(Exception cause) {
        return new CensusFileException(CensusFileException.UNREADABLE_FILE, "Ce fichier n'est pas un classeur Excel "
                + ".xlsx lisible (il est endommagé, ou d'un autre format comme .ods) : enregistrez-le au format .xlsx "
                + "ou CSV, puis importez-le.", cause);
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            workbook.close();
        }
    }
}
