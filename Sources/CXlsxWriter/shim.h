#ifndef RAMUSIM_CXLSXWRITER_SHIM_H
#define RAMUSIM_CXLSXWRITER_SHIM_H
/* libxlsxwriter (Debian libxlsxwriter-dev): only Sources/Briefing/Workbook/Workbook.swift calls it. */
#include <xlsxwriter.h>
#endif
