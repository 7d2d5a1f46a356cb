// WriteXlsx (table_formats.h): loads the xlsx module the first time a workbook is asked for.
#include "pipeline/modules.h"
#include "tools/cli/table_formats.h"

namespace oplex::cli {

Status WriteXlsx(std::ostream& out, Files files) {
  auto entry = ModuleEntry(OPLEX_XLSX_MODULE_NAME, kWriteWorkbook);
  if (!entry.ok()) {
    return Status::NotSupported("the xlsx writer cannot be loaded: " + entry.status().message());
  }
  Status status = Status::Ok();
  reinterpret_cast<WriteWorkbookEntry>(entry.value())(out, files, &status);
  return status;
}

}  // namespace oplex::cli
