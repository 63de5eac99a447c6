"""The form engine: one modal form for every entity, driven by its pydantic model.

``RecordForm(Supplier)`` creates, ``RecordForm(Supplier, supplier)`` edits; see
``record_form`` for the arguments. The other modules are its parts: ``field_specs``
reads the model, ``controls``/``reference_picker``/``rows_editor`` are the editors,
``error_text`` turns pydantic errors into plain messages.
"""

from itsms_tui.ui.forms.field_specs import FieldSpec, Kind, field_specs
from itsms_tui.ui.forms.record_form import ChoicesCallback, RecordForm

__all__ = ["ChoicesCallback", "FieldSpec", "Kind", "RecordForm", "field_specs"]
