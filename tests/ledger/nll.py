"""The worked numbers of the chapter that ``snippets/nll.py`` serves.

Each entry pairs the chapter's code with its independent value.
"""

from __future__ import annotations

import math

from snippets.nll import (
    as_probs,
    label_likelihood,
    mean_nll,
    nll,
    product_vs_log_sum,
)
from tests.ledger import WorkedNumber

_PROBS = [0.1, 0.3, 0.5, 0.1]

#: Every number the NLL chapter states. ``exact`` comes from WORKED_NUMBERS.md
#: or a closed form.
WORKED_NUMBERS = [
    WorkedNumber("probabilities for 4 classes", "seed 000", "same", (0.1, 0.3, 0.5, 0.1),
                 lambda: as_probs(_PROBS, ndim=1), "nll.md",
                 "\\hat{{\\mathbf{{y}}}} = ({:g},\\ {:g},\\ {:g},\\ {:g})", rel_tol=1e-15),
    WorkedNumber("true class is the 4th (one-hot `[0,0,0,1]`): likelihood", "seed 000", "0.1", 0.1,
                 lambda: label_likelihood(_PROBS, 3), "nll.md",
                 "1 \\cdot 0.1 = {:.1f}", rel_tol=1e-15),
    WorkedNumber("NLL = -ln 0.1", "seed 000", "2.3", 2.302585092994046,
                 lambda: nll(_PROBS, 3), "nll.md", "-\\ln 0.1 = {:.6f}", rel_tol=1e-15),
    WorkedNumber("the figure's alt text: the two marked points", "site", "-",
                 (2.302585092994046, 0.6931471805599453), lambda: (nll(_PROBS, 3), nll(_PROBS, 2)), "nll.md",
                 "p = 0.1 (NLL {:.2f}) and p = 0.5 (NLL {:.2f})", rel_tol=1e-15),
    WorkedNumber("true class is the 3rd: likelihood", "seed 000", "0.5", 0.5,
                 lambda: label_likelihood(_PROBS, 2), "nll.md",
                 "1 \\cdot 0.5 + 0 \\cdot 0.1 = {:.1f}", rel_tol=1e-15),
    WorkedNumber("NLL = -ln 0.5", "seed 000", "0.69", 0.6931471805599453,
                 lambda: nll(_PROBS, 2), "nll.md", "-\\ln 0.5 = {:.6f}", rel_tol=1e-15),
    WorkedNumber("NLL = -ln 0.5, in words", "site", "-", 0.6931471805599453,
                 lambda: nll(_PROBS, 2), "nll.md", "0.5 on the true class costs {:.6f} nats",
                 rel_tol=1e-15),
    WorkedNumber("NLL = -ln 0.1, in words", "site", "-", 2.302585092994046,
                 lambda: nll(_PROBS, 3), "nll.md", "0.1 costs {:.6f} nats", rel_tol=1e-15),
    WorkedNumber("ln(1e-100)", "seed 000", "close to -230", -230.25850929940458,
                 lambda: product_vs_log_sum(1e-100, 1)[1], "nll.md",
                 "\\ln 10^{{-100}} = {:.2f}", rel_tol=1e-15),
    WorkedNumber("200 predictions of 0.01: log of the joint probability", "site", "-",
                 200 * math.log(0.01),
                 lambda: product_vs_log_sum(0.01, 200)[1], "nll.md", "200 \\ln 0.01 = {:.2f}",
                 rel_tol=1e-12),
    WorkedNumber("mean NLL of the two worked predictions", "site", "-",
                 (math.log(10) + math.log(2)) / 2,
                 lambda: mean_nll([_PROBS, _PROBS], [3, 2]), "nll.md", "= {:.6f}", rel_tol=1e-12),
]
