import { FormEvent, useEffect, useRef, useState } from 'react';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';

/** How long typing must pause before the board is searched. */
export const SEARCH_DEBOUNCE_MS = 400;

/**
 * The free-text search. It reports its text after a pause in typing, or at once on
 * Enter, and follows `value` when the URL changes it (back button, clear filters).
 */
export function BoardSearchField(props: {
  value: string;
  onChange: (text: string) => void;
}) {
  const { value, onChange } = props;
  const [text, setText] = useState(value);
  const reported = useRef(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    // Only a change from outside replaces what is typed; the trimmed echo of
    // our own report must not eat a trailing space the user is still typing.
    if (value !== reported.current) {
      reported.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text.trim() === reported.current) {
      return undefined;
    }
    const timer = setTimeout(() => {
      reported.current = text.trim();
      onChangeRef.current(text.trim());
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() !== reported.current) {
      reported.current = text.trim();
      onChange(text.trim());
    }
  };

  return (
    <form role="search" onSubmit={submit}>
      <TextField
        id="innersource-board-search"
        type="search"
        label="Search"
        placeholder="Asks, skills, projects"
        variant="outlined"
        fullWidth
        value={text}
        onChange={event => setText(event.target.value)}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon />
            </InputAdornment>
          ),
        }}
      />
    </form>
  );
}
