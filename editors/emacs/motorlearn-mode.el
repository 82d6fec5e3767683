;;; motorlearn-mode.el --- MotorLearn experiment specs (*.motor) -*- lexical-binding: t -*-

;; A major mode for MotorLearn specs: highlighting (declarations and the names they introduce,
;; keywords, values such as tanh and adam, numbers with their units, strings, comments),
;; comment commands and indentation by braces; M-x motorlearn-check (or M-x compile) runs
;; `motorlearn check' and `next-error' visits every problem. Diagnostics, completion, hover,
;; formatting and rename come from the MotorLearn language server through Eglot or lsp-mode
;; (docs/editors.md).
;; The keyword lists equal the keywords of MotorLearn.xtext: EditorSupportTest (org.motorlearn.dsl)
;; checks them.

;;; Code:

(defgroup motorlearn nil
  "MotorLearn experiment specs."
  :group 'languages)

(defcustom motorlearn-indent-offset 2
  "Indentation of a block's contents, in columns."
  :type 'integer
  :group 'motorlearn)

(defcustom motorlearn-command "motorlearn"
  "The motorlearn script (a name on PATH, or its absolute path), for `motorlearn-check'."
  :type 'string
  :group 'motorlearn)

(defconst motorlearn-declarations
  '("analysis" "connect" "experiment" "import" "input" "loss" "module" "network" "perturbation"
    "phase" "readout" "sweep" "task")
  "Keywords that declare something.")

(defconst motorlearn-keywords
  '("activation" "all" "around" "at" "batch" "betas" "bias" "bin" "cartesian" "checkpoint" "clip"
    "compare" "components" "continue" "cue" "default" "direction" "dt" "duration" "eps" "evaluate"
    "every" "except" "from" "gain" "go" "hold" "in" "init" "initial" "jitter" "lr" "metrics"
    "momentum" "movement" "mse" "no" "noise" "none" "normal" "null" "on" "only" "optimizer"
    "penalty" "plastic" "precision" "profile" "rate" "reach" "reassociation" "recurrence"
    "recurrent" "repeats" "robustness" "rotation" "seed" "sparse" "start" "state" "std" "step"
    "targets" "tau" "test" "train" "trajectories" "trial" "under" "uniform" "units" "updates"
    "weight" "weights" "window" "with" "without" "x" "zeros" "zip")
  "The other keywords.")

(defconst motorlearn-constants
  '("activity" "adam" "angles" "behaviour" "covariance" "dimensionality" "float32" "float64"
    "frobenius" "linear" "minimum-jerk" "output" "pca" "position" "relu" "sgd" "sigmoid" "softplus"
    "squared-frobenius" "tanh" "velocity")
  "Values of enumerated settings.")

(defconst motorlearn-units
  '("trials" "bins" "deg" "rad" "cm" "mm" "ms" "s")
  "Units written after a number (and %).")

(defun motorlearn--words (words)
  "A regexp matching any of WORDS as a whole word (hyphens belong to words)."
  (concat "\\_<" (regexp-opt words t) "\\_>"))

(defconst motorlearn-font-lock-keywords
  `((,(concat "\\_<\\(experiment\\|network\\|module\\|input\\|readout\\|task\\|perturbation\\|loss\\|phase\\)"
              "[ \t]+\\([[:alpha:]_][[:alnum:]_]*\\)")
     (1 font-lock-keyword-face) (2 font-lock-type-face))
    ("\\.\\(input\\|recurrent\\)\\_>" 1 font-lock-builtin-face)
    (,(motorlearn--words motorlearn-declarations) . font-lock-keyword-face)
    (,(concat "\\(?:^\\|[^[:alnum:]_]\\)\\([-+]?[0-9]+\\(?:\\.[0-9]+\\)?\\(?:[eE][-+]?[0-9]+\\)?\\)"
              "\\(?:[ \t]*\\(" (regexp-opt motorlearn-units) "\\_>\\|%\\)\\)?")
     (1 font-lock-constant-face) (2 font-lock-type-face nil t))
    (,(motorlearn--words motorlearn-keywords) . font-lock-builtin-face)
    (,(motorlearn--words motorlearn-constants) . font-lock-constant-face)
    ("->\\|\\.\\.\\|=" . font-lock-preprocessor-face))
  "Highlighting of MotorLearn specs.")

(defvar motorlearn-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?/ ". 124b" table)
    (modify-syntax-entry ?* ". 23" table)
    (modify-syntax-entry ?\n "> b" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?' "\"" table)
    table)
  "Comments // and /* */, strings in either quotes, hyphens inside words.")

(defun motorlearn-indent-line ()
  "Indent the current line by the braces that enclose it.
Lines inside a comment stay as they are."
  (interactive)
  (let ((state (save-excursion (syntax-ppss (line-beginning-position)))))
    (if (nth 4 state)
        'noindent
      (let ((depth (save-excursion
                     (back-to-indentation)
                     (if (eq (char-after) ?}) (max 0 (1- (car state))) (car state)))))
        (if (<= (current-column) (current-indentation))
            (indent-line-to (* depth motorlearn-indent-offset))
          (save-excursion (indent-line-to (* depth motorlearn-indent-offset))))))))

;;;###autoload
(define-derived-mode motorlearn-mode prog-mode "MotorLearn"
  "Major mode for MotorLearn experiment specs."
  :syntax-table motorlearn-mode-syntax-table
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "\\(?://+\\|/\\*+\\)\\s *")
  (setq-local font-lock-defaults '(motorlearn-font-lock-keywords))
  (setq-local indent-line-function #'motorlearn-indent-line)
  (setq-local compile-command (motorlearn--check-command)))

;; `motorlearn check' prints a problem as "error: MESSAGE [code]" (or warning:, info:) and, on the
;; next line, " --> FILE:LINE:COLUMN"; compilation buffers jump to it (`next-error').
(with-eval-after-load 'compile
  (add-to-list 'compilation-error-regexp-alist-alist
               '(motorlearn
                 "^\\(?:\\(error\\)\\|\\(warning\\)\\|\\(info\\)\\): .*\n *--> \\([^:\n]+\\):\\([0-9]+\\):\\([0-9]+\\)$"
                 4 5 6 (2 . 3)))
  (add-to-list 'compilation-error-regexp-alist 'motorlearn))

(defun motorlearn--check-command ()
  "The command line that checks the current file."
  (concat motorlearn-command " check --no-color "
          (if buffer-file-name (shell-quote-argument buffer-file-name) "")))

(defun motorlearn-check ()
  "Check the current spec with `motorlearn check'; `next-error' visits each problem."
  (interactive)
  (save-buffer)
  (compile (motorlearn--check-command)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.motor\\'" . motorlearn-mode))

(provide 'motorlearn-mode)
;;; motorlearn-mode.el ends here
