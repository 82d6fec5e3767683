" Vim syntax file for MotorLearn experiment specs (*.motor); also Neovim.
" The keyword lists equal the keywords of MotorLearn.xtext: EditorSupportTest (org.motorlearn.dsl)
" checks them, with the VS Code grammar's.
if exists("b:current_syntax")
  finish
endif

" "minimum-jerk" and "squared-frobenius" are single words in specs
syntax iskeyword @,48-57,_,192-255,-

syntax keyword motorlearnDeclaration analysis connect experiment import input loss module network
syntax keyword motorlearnDeclaration perturbation phase readout sweep task
syntax keyword motorlearnKeyword activation all around at batch betas bias bin cartesian checkpoint
syntax keyword motorlearnKeyword clip compare components continue cue default direction dt duration
syntax keyword motorlearnKeyword eps evaluate every except from gain go hold in init initial jitter
syntax keyword motorlearnKeyword lr metrics momentum movement mse no noise none normal null on only
syntax keyword motorlearnKeyword optimizer penalty plastic precision profile rate reach
syntax keyword motorlearnKeyword reassociation recurrence recurrent repeats robustness rotation seed
syntax keyword motorlearnKeyword sparse start state std step targets tau test train trajectories
syntax keyword motorlearnKeyword trial under uniform units updates weight weights window with
syntax keyword motorlearnKeyword without x zeros zip
syntax keyword motorlearnConstant activity adam angles behaviour covariance dimensionality float32
syntax keyword motorlearnConstant float64 frobenius linear minimum-jerk output pca position relu sgd
syntax keyword motorlearnConstant sigmoid softplus squared-frobenius tanh velocity

" the name a declaration introduces: module PMd, phase Hinput, readout hand, ...
syntax match motorlearnName "\v(<(experiment|network|module|input|readout|task|perturbation|loss|phase)\s+)@<=\h\w*" contains=NONE
" Upstream.input, PMd.recurrent: weight groups, not declarations (after a dot, only these are tried)
syntax match motorlearnDot "\." nextgroup=motorlearnMember
syntax match motorlearnMember "\v<(input|recurrent)>" contained
" not inside a name (M1), and "-" counts as a letter of keywords (minimum-jerk), so no \< here
syntax match motorlearnNumber "\v([[:alnum:]_])@<![-+]?\d+(\.\d+)?([eE][-+]?\d+)?"
syntax match motorlearnUnit "\v(\d\s*)@<=<(trials|bins|deg|rad|cm|mm|ms|s)>"
syntax match motorlearnUnit "\v(\d\s*)@<=\%"
syntax match motorlearnOperator "\v-\>|\.\.|\="
syntax region motorlearnString start=+"+ skip=+\\.+ end=+"+ oneline
syntax region motorlearnString start=+'+ skip=+\\.+ end=+'+ oneline
syntax region motorlearnDocComment start="/\*\*" end="\*/" contains=@Spell
syntax region motorlearnComment start="/\*\(\*\)\@!" end="\*/" contains=@Spell
syntax match motorlearnComment "//.*$" contains=@Spell

highlight default link motorlearnDeclaration Structure
highlight default link motorlearnName Identifier
highlight default link motorlearnKeyword Keyword
highlight default link motorlearnMember Keyword
highlight default link motorlearnConstant Constant
highlight default link motorlearnNumber Number
highlight default link motorlearnUnit Type
highlight default link motorlearnOperator Operator
highlight default link motorlearnString String
highlight default link motorlearnDocComment SpecialComment
highlight default link motorlearnComment Comment

" specs are short, and a documentation comment may open far above the screen
syntax sync fromstart

let b:current_syntax = "motorlearn"
